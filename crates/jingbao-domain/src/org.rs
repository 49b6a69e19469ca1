//! The organisation tree: bureau → station → police room → grid → linked unit, with
//! departments beside it, and the materialised path that makes subtree scopes one `LIKE`.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Kind of an organisation node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Bureau,
    Station,
    PoliceRoom,
    Grid,
    Unit,
    Department,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Bureau,
        OrgKind::Station,
        OrgKind::PoliceRoom,
        OrgKind::Grid,
        OrgKind::Unit,
        OrgKind::Department,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Bureau => "bureau",
            OrgKind::Station => "station",
            OrgKind::PoliceRoom => "police_room",
            OrgKind::Grid => "grid",
            OrgKind::Unit => "unit",
            OrgKind::Department => "department",
        }
    }

    pub fn parse(code: &str) -> Option<OrgKind> {
        OrgKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Which kinds may sit directly under a parent of this kind. Departments hang under a
    /// bureau or a station (beside the tree); everything else follows the chain.
    pub fn allowed_children(self) -> &'static [OrgKind] {
        match self {
            OrgKind::Bureau => &[OrgKind::Station, OrgKind::Department],
            OrgKind::Station => &[OrgKind::PoliceRoom, OrgKind::Department],
            OrgKind::PoliceRoom => &[OrgKind::Grid],
            OrgKind::Grid => &[OrgKind::Unit],
            OrgKind::Unit | OrgKind::Department => &[],
        }
    }

    /// Only a bureau may be a root.
    pub fn may_be_root(self) -> bool {
        self == OrgKind::Bureau
    }
}

/// The materialised path of a node: `/<root id>/…/<own id>/`. A subtree is every path that
/// starts with its root's path.
pub fn child_path(parent_path: Option<&str>, id: Uuid) -> String {
    match parent_path {
        Some(p) => format!("{p}{id}/"),
        None => format!("/{id}/"),
    }
}

/// True when `path` lies inside the subtree whose root has `root_path`.
pub fn path_within(path: &str, root_path: &str) -> bool {
    path.starts_with(root_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.code()), Some(k));
        }
        assert_eq!(OrgKind::parse("tower"), None);
    }

    #[test]
    fn paths_nest() {
        let a = Uuid::from_u128(1);
        let b = Uuid::from_u128(2);
        let pa = child_path(None, a);
        let pb = child_path(Some(&pa), b);
        assert!(path_within(&pb, &pa));
        assert!(!path_within(&pa, &pb));
        assert!(pb.ends_with(&format!("{b}/")));
    }

    #[test]
    fn chain_is_enforced() {
        assert!(OrgKind::Grid.allowed_children().contains(&OrgKind::Unit));
        assert!(!OrgKind::Unit.allowed_children().contains(&OrgKind::Grid));
        assert!(!OrgKind::Grid.may_be_root());
    }
}
