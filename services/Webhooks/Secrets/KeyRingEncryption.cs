using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace AmbassadorNet.Webhooks.Secrets;

/// <summary>
/// How a Data Protection key is written to the database: its secret part sealed under the current
/// key-encryption key, as <c>&lt;sealedKey keyId="..."&gt;base64&lt;/sealedKey&gt;</c>.
/// </summary>
public sealed class KeyRingEncryptor(KeyEncryptionKeys keys) : IXmlEncryptor
{
    public static readonly XName SealedKey = XName.Get("sealedKey", "urn:ambassadornet:webhooks:key-ring");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(Seal(keys, plaintextElement), typeof(KeyRingDecryptor));

    public static XElement Seal(KeyEncryptionKeys kek, XElement plaintext) => new(SealedKey,
        new XAttribute("keyId", kek.CurrentId),
        Convert.ToBase64String(kek.Seal(Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting)))));
}

/// <summary>Opens a <see cref="KeyRingEncryptor"/> element with whichever listed key sealed it. Data Protection creates it by type, passing the services.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Open(services.GetRequiredService<KeyEncryptionKeys>(), encryptedElement);

    public static XElement Open(KeyEncryptionKeys kek, XElement sealedKey) =>
        XElement.Parse(Encoding.UTF8.GetString(kek.Open((string)sealedKey.Attribute("keyId")!, Convert.FromBase64String(sealedKey.Value))));
}
