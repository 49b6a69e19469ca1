//! Jingbao geometry: the live position index, geofences (inside / outside / enter / exit and
//! dwell), WGS-84 ↔ GCJ-02 and the small amount of plane geometry they need.
//!
//! No IO and no clock: every function that needs the time takes it as a parameter. Positions
//! are WGS-84 degrees ([`LonLat`]); distances are metres. Indexes work in a local
//! equirectangular projection ([`LocalProjection`]) so that an R-tree distance is a distance in
//! metres; exact predicates (point in polygon, buffer) are evaluated in a projection centred on
//! the polygon itself.

pub mod bench;
pub mod error;
pub mod fence;
pub mod gcj;
pub mod live;
pub mod lonlat;
pub mod polygon;
pub mod projection;
pub mod rng;
pub mod tracker;

pub use error::GeoError;
pub use fence::{FenceId, FenceIndex};
pub use gcj::{gcj02_to_wgs84, out_of_china, wgs84_to_gcj02};
pub use live::{LiveIndex, LivePosition};
pub use lonlat::{EARTH_RADIUS_M, LonLat, haversine_m};
pub use polygon::Polygon;
pub use projection::LocalProjection;
pub use tracker::{DEFAULT_DWELL_MINUTES, FenceEvent, FenceTracker, PairState};
