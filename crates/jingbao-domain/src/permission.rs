//! Permissions and which roles hold them: the single authorisation table the server and
//! the console's menus both follow.

use crate::role::Role;
use serde::Serialize;

/// One thing a role may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Permission {
    OrgRead,
    OrgWrite,
    BuildingRead,
    BuildingWrite,
    CheckpointRead,
    CheckpointWrite,
    GuardRead,
    GuardWrite,
    GuardUnmask,
    CompanyRead,
    CompanyWrite,
    UserRead,
    UserWrite,
    AuditRead,
    SessionManage,
    /// Guards: shifts, check-ins, positions.
    PatrolSubmit,
    /// Check-ins, live positions, tracks, alerts.
    PatrolRead,
    /// Acknowledge and resolve alerts.
    AlertManage,
    /// Rotate the keys that sign checkpoint plates.
    KeyManage,
    /// Issue, resend and cancel directives.
    DirectiveIssue,
    CapMap,
    CapPatrol,
    CapReports,
    CapDirectives,
    CapAlarms,
    CapMediation,
    CapTraining,
    CapPoints,
    CapStats,
    CapRisk,
    CapCases,
}

use Permission::*;

impl Permission {
    pub const ALL: [Permission; 31] = [
        OrgRead,
        OrgWrite,
        BuildingRead,
        BuildingWrite,
        CheckpointRead,
        CheckpointWrite,
        GuardRead,
        GuardWrite,
        GuardUnmask,
        CompanyRead,
        CompanyWrite,
        UserRead,
        UserWrite,
        AuditRead,
        SessionManage,
        PatrolSubmit,
        PatrolRead,
        AlertManage,
        KeyManage,
        DirectiveIssue,
        CapMap,
        CapPatrol,
        CapReports,
        CapDirectives,
        CapAlarms,
        CapMediation,
        CapTraining,
        CapPoints,
        CapStats,
        CapRisk,
        CapCases,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgRead => "org.read",
            OrgWrite => "org.write",
            BuildingRead => "building.read",
            BuildingWrite => "building.write",
            CheckpointRead => "checkpoint.read",
            CheckpointWrite => "checkpoint.write",
            GuardRead => "guard.read",
            GuardWrite => "guard.write",
            GuardUnmask => "guard.unmask",
            CompanyRead => "company.read",
            CompanyWrite => "company.write",
            UserRead => "user.read",
            UserWrite => "user.write",
            AuditRead => "audit.read",
            SessionManage => "session.manage",
            PatrolSubmit => "patrol.submit",
            PatrolRead => "patrol.read",
            AlertManage => "alert.manage",
            KeyManage => "key.manage",
            DirectiveIssue => "directive.issue",
            CapMap => "cap.map",
            CapPatrol => "cap.patrol",
            CapReports => "cap.reports",
            CapDirectives => "cap.directives",
            CapAlarms => "cap.alarms",
            CapMediation => "cap.mediation",
            CapTraining => "cap.training",
            CapPoints => "cap.points",
            CapStats => "cap.stats",
            CapRisk => "cap.risk",
            CapCases => "cap.cases",
        }
    }
}

/// The permissions one role grants.
pub fn role_permissions(role: Role) -> &'static [Permission] {
    match role {
        Role::CommandOfficer => &[
            DirectiveIssue,
            PatrolRead,
            AlertManage,
            OrgRead,
            BuildingRead,
            BuildingWrite,
            CheckpointRead,
            CheckpointWrite,
            GuardRead,
            GuardWrite,
            GuardUnmask,
            CompanyRead,
            CompanyWrite,
            CapMap,
            CapPatrol,
            CapReports,
            CapDirectives,
            CapAlarms,
            CapMediation,
            CapTraining,
            CapPoints,
            CapStats,
            CapRisk,
            CapCases,
        ],
        Role::UnitManager => &[
            PatrolRead,
            AlertManage,
            OrgRead,
            BuildingRead,
            CheckpointRead,
            CheckpointWrite,
            GuardRead,
            GuardWrite,
            CompanyRead,
            CapPatrol,
            CapReports,
            CapDirectives,
            CapAlarms,
            CapMediation,
            CapTraining,
            CapPoints,
        ],
        Role::DistrictOffice => &[
            PatrolRead,
            OrgRead,
            BuildingRead,
            CheckpointRead,
            GuardRead,
            CompanyRead,
            CapMap,
            CapPoints,
            CapStats,
            CapRisk,
            CapCases,
        ],
        Role::DepartmentHandler => &[CompanyRead, CapRisk, CapCases],
        Role::Guard => &[GuardRead, PatrolSubmit],
        Role::SystemAdmin => &[
            KeyManage,
            OrgRead,
            OrgWrite,
            BuildingRead,
            BuildingWrite,
            CheckpointRead,
            CheckpointWrite,
            GuardRead,
            GuardWrite,
            CompanyRead,
            CompanyWrite,
            UserRead,
            UserWrite,
        ],
        Role::SecurityAdmin => &[UserRead, SessionManage],
        Role::AuditAdmin => &[AuditRead],
    }
}

/// True when any of the roles grants the permission.
pub fn roles_grant(roles: &[Role], p: Permission) -> bool {
    roles.iter().any(|r| role_permissions(*r).contains(&p))
}

/// All permissions of a set of roles, sorted and without repeats.
pub fn permissions_of(roles: &[Role]) -> Vec<Permission> {
    let mut all: Vec<Permission> = roles
        .iter()
        .flat_map(|r| role_permissions(*r).iter().copied())
        .collect();
    all.sort();
    all.dedup();
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique() {
        let mut codes: Vec<_> = Permission::ALL.iter().map(|p| p.code()).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), Permission::ALL.len());
    }

    #[test]
    fn separation_of_duties() {
        // The audit admin reads the audit log and nothing else; nobody else reads it.
        for r in Role::ALL {
            assert_eq!(roles_grant(&[r], AuditRead), r == Role::AuditAdmin, "{r:?}");
        }
        assert!(!roles_grant(&[Role::SystemAdmin], SessionManage));
        assert!(!roles_grant(&[Role::SecurityAdmin], UserWrite));
        assert!(roles_grant(&[Role::CommandOfficer], GuardUnmask));
        assert!(!roles_grant(&[Role::UnitManager], GuardUnmask));
    }

    #[test]
    fn union_is_sorted_and_unique() {
        let p = permissions_of(&[Role::CommandOfficer, Role::DistrictOffice]);
        let mut q = p.clone();
        q.sort();
        q.dedup();
        assert_eq!(p, q);
        assert!(p.contains(&CapStats));
    }
}
