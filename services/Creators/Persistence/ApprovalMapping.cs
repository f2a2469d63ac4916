namespace AmbassadorNet.Creators.Persistence;

/// <summary>Approvals and the replica of the approval policy (the shared mappings): tables of Migrations/0003_payee_approvals.sql.</summary>
internal sealed class ApprovalMapping : AmbassadorNet.ServiceDefaults.Approvals.ApprovalMapping;

internal sealed class ApprovalPolicyReplicaMapping() : AmbassadorNet.ServiceDefaults.Approvals.ApprovalPolicyReplicaMapping("payee_details_approvals");
