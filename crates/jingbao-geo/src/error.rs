//! The crate's error type: what can be wrong with geometry handed in from outside.

use std::fmt;

/// Why a geometry was rejected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GeoError {
    /// A polygon ring needs at least three distinct vertices (after dropping the closing one).
    TooFewVertices { got: usize },
    /// A coordinate was NaN, infinite or outside the WGS-84 ranges.
    InvalidCoordinate { index: usize },
}

impl GeoError {
    /// Stable snake_case code, for the API error table.
    pub fn code(&self) -> &'static str {
        match self {
            GeoError::TooFewVertices { .. } => "polygon_too_few_vertices",
            GeoError::InvalidCoordinate { .. } => "invalid_coordinate",
        }
    }
}

impl fmt::Display for GeoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeoError::TooFewVertices { got } => {
                write!(f, "polygon needs at least 3 distinct vertices, got {got}")
            }
            GeoError::InvalidCoordinate { index } => {
                write!(f, "vertex {index} is not a valid WGS-84 coordinate")
            }
        }
    }
}

impl std::error::Error for GeoError {}
