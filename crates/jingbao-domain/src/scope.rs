//! Data scope: the part of the organisation a caller may see. Computed once per request
//! from the caller's roles and attachments; every repository call takes it, and no handler
//! builds its own filter.

use uuid::Uuid;

/// What a caller may see. The union of what each of its roles grants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DataScope {
    /// Everything (an account attached at the root of the tree).
    pub all: bool,
    /// Materialised paths of the subtrees the caller sees (see `org::child_path`).
    pub subtrees: Vec<String>,
    /// The caller's own guard record, for guards.
    pub guard_id: Option<Uuid>,
    /// The caller's department, for department handlers.
    pub department_id: Option<Uuid>,
    /// Buildings covered by the caller's linked units (a unit manager sees its towers and
    /// the companies in them, though towers hang under grids).
    pub building_ids: Vec<Uuid>,
}

impl DataScope {
    /// A scope that sees nothing.
    pub fn none() -> Self {
        Self::default()
    }

    pub fn everything() -> Self {
        DataScope {
            all: true,
            ..Self::default()
        }
    }

    /// True when an object whose owner has materialised path `path` is visible.
    pub fn admits_path(&self, path: &str) -> bool {
        self.all
            || self
                .subtrees
                .iter()
                .any(|root| path.starts_with(root.as_str()))
    }

    /// Drops subtrees already covered by a wider one, so filters stay short.
    pub fn normalised(mut self) -> Self {
        self.subtrees.sort();
        self.subtrees.dedup();
        let roots = self.subtrees.clone();
        self.subtrees.retain(|p| {
            !roots
                .iter()
                .any(|other| other != p && p.starts_with(other.as_str()))
        });
        self
    }

    pub fn merge(mut self, other: DataScope) -> Self {
        self.all |= other.all;
        self.subtrees.extend(other.subtrees);
        self.guard_id = self.guard_id.or(other.guard_id);
        self.department_id = self.department_id.or(other.department_id);
        self.building_ids.extend(other.building_ids);
        self.building_ids.sort();
        self.building_ids.dedup();
        self.normalised()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtree_admits_descendants_only() {
        let s = DataScope {
            subtrees: vec!["/a/b/".into()],
            ..DataScope::none()
        };
        assert!(s.admits_path("/a/b/"));
        assert!(s.admits_path("/a/b/c/"));
        assert!(!s.admits_path("/a/"));
        assert!(!s.admits_path("/a/bc/"));
        assert!(DataScope::everything().admits_path("/x/"));
        assert!(!DataScope::none().admits_path("/a/"));
    }

    #[test]
    fn normalise_drops_covered_subtrees() {
        let s = DataScope {
            subtrees: vec![
                "/a/b/c/".into(),
                "/a/b/".into(),
                "/a/b/".into(),
                "/z/".into(),
            ],
            ..DataScope::none()
        }
        .normalised();
        assert_eq!(s.subtrees, vec!["/a/b/".to_string(), "/z/".to_string()]);
    }
}
