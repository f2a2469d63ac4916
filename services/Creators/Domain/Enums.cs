namespace AmbassadorNet.Creators.Domain;

// Stored and serialised in snake_case ("bank_transfer"), as the API and the events spell them.

public enum CreatorStatus
{
    Applied,
    Approved,
    Rejected,
    Suspended,
    Offboarded,
}

public enum Platform
{
    Instagram,
    Tiktok,
    Youtube,
    X,
    Facebook,
    Pinterest,
    Twitch,
    Linkedin,
    Blog,
    Other,
}

public enum PayoutMethod
{
    BankTransfer,
    Paypal,
    Wise,
    Payoneer,
    Other,
}

public enum TaxFormStatus
{
    Missing,
    Submitted,
    Verified,
}
