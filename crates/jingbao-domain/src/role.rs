//! Roles, their names, their default data scope, and the separation of the three admin
//! roles (三权分立).

use serde::{Deserialize, Serialize};

/// A role a user account can hold.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    CommandOfficer,
    Guard,
    UnitManager,
    DepartmentHandler,
    DistrictOffice,
    SystemAdmin,
    SecurityAdmin,
    AuditAdmin,
}

/// What part of the organisation a role sees by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScopeRule {
    /// The whole tree the account is attached to (from its org unit down; a district
    /// office or an admin attached at the bureau sees everything).
    Subtree,
    /// The station subtree that contains the account's org unit.
    Station,
    /// The linked units the account manages.
    OwnUnits,
    /// The department's own items.
    Department,
    /// Only the account's own guard record.
    SelfOnly,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::CommandOfficer,
        Role::Guard,
        Role::UnitManager,
        Role::DepartmentHandler,
        Role::DistrictOffice,
        Role::SystemAdmin,
        Role::SecurityAdmin,
        Role::AuditAdmin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::CommandOfficer => "command_officer",
            Role::Guard => "guard",
            Role::UnitManager => "unit_manager",
            Role::DepartmentHandler => "department_handler",
            Role::DistrictOffice => "district_office",
            Role::SystemAdmin => "system_admin",
            Role::SecurityAdmin => "security_admin",
            Role::AuditAdmin => "audit_admin",
        }
    }

    pub fn parse(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn name_zh(self) -> &'static str {
        match self {
            Role::CommandOfficer => "指挥民警",
            Role::Guard => "保安",
            Role::UnitManager => "联动单位负责人",
            Role::DepartmentHandler => "部门经办人",
            Role::DistrictOffice => "商务区管理办",
            Role::SystemAdmin => "系统管理员",
            Role::SecurityAdmin => "安全管理员",
            Role::AuditAdmin => "审计管理员",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Role::CommandOfficer => "Command officer",
            Role::Guard => "Security guard",
            Role::UnitManager => "Unit manager",
            Role::DepartmentHandler => "Department handler",
            Role::DistrictOffice => "District office",
            Role::SystemAdmin => "System administrator",
            Role::SecurityAdmin => "Security administrator",
            Role::AuditAdmin => "Audit administrator",
        }
    }

    pub fn scope_rule(self) -> ScopeRule {
        match self {
            Role::CommandOfficer => ScopeRule::Station,
            Role::Guard => ScopeRule::SelfOnly,
            Role::UnitManager => ScopeRule::OwnUnits,
            Role::DepartmentHandler => ScopeRule::Department,
            Role::DistrictOffice | Role::SystemAdmin | Role::SecurityAdmin | Role::AuditAdmin => {
                ScopeRule::Subtree
            }
        }
    }

    /// The three admin roles are mutually exclusive (三权分立).
    pub fn is_admin(self) -> bool {
        matches!(
            self,
            Role::SystemAdmin | Role::SecurityAdmin | Role::AuditAdmin
        )
    }

    /// Roles whose accounts must use a second factor (unless exempted at creation).
    pub fn requires_totp(self) -> bool {
        self.is_admin()
    }
}

/// Why a set of roles cannot be held together or granted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoleError {
    #[error("an account holds at most one of the admin roles")]
    AdminRolesExclusive,
    #[error("an account needs at least one role")]
    Empty,
    #[error("admins may not change their own roles")]
    SelfGrant,
}

/// Checks a role set for the separation of duties.
pub fn validate_roles(roles: &[Role]) -> Result<(), RoleError> {
    if roles.is_empty() {
        return Err(RoleError::Empty);
    }
    let admins = roles.iter().filter(|r| r.is_admin()).count();
    if admins > 1 || (admins == 1 && roles.len() > 1) {
        return Err(RoleError::AdminRolesExclusive);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.code()), Some(r));
            let json = serde_json::to_string(&r).expect("serialise");
            assert_eq!(json, format!("\"{}\"", r.code()));
        }
    }

    #[test]
    fn admin_roles_are_exclusive() {
        assert!(validate_roles(&[Role::SystemAdmin]).is_ok());
        assert!(validate_roles(&[Role::CommandOfficer, Role::DistrictOffice]).is_ok());
        assert_eq!(
            validate_roles(&[Role::SystemAdmin, Role::AuditAdmin]),
            Err(RoleError::AdminRolesExclusive)
        );
        assert_eq!(
            validate_roles(&[Role::SecurityAdmin, Role::CommandOfficer]),
            Err(RoleError::AdminRolesExclusive)
        );
        assert_eq!(validate_roles(&[]), Err(RoleError::Empty));
    }
}
