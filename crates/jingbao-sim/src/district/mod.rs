//! The demo district generator: wires the stages together in a fixed order so that a
//! seed always yields the same district, byte for byte.
//!
//! Stages, each on its own random stream: organisation (police chain, grids,
//! departments, companies) → towers → linked units and posts → guards → checkpoints →
//! enterprises → staff accounts.

mod buildings;
mod checkpoints;
mod enterprises;
mod footprint;
mod guards;
mod ids;
mod layout;
mod model;
mod names;
mod org;
mod rng;
mod streets;
mod units;

pub use buildings::TOWER_COUNT;
pub use checkpoints::{CHECKPOINT_TARGET, INDOOR_RADIUS_M};
pub use enterprises::ENTERPRISE_COUNT;
pub use guards::REFERENCE_DATE;
pub use layout::{CENTER, METRES_PER_DEGREE, metres_per_degree_lon};
pub use model::*;
pub use org::{AUXILIARY_COUNT, PROPERTY_COMPANIES, SECURITY_COMPANIES};
pub use units::{GUARD_TARGET, PAIRED_UNITS};

use names::NameBook;
use rng::{Draw, Stage};

/// The seed of the shipped demo district.
pub const DEFAULT_SEED: u64 = 20251231;

/// Builds the whole demo district from `seed`. Pure and deterministic.
pub fn generate(seed: u64) -> DemoDistrict {
    let mut draw = Draw::new(seed, Stage::Org);
    let (bureau, station, police_room) = org::police_chain(&mut draw);
    let grids = org::grids(&mut draw);
    let departments = org::departments(&mut draw);
    let companies = org::companies(&mut draw);

    let (buildings, sites) = buildings::generate(&mut Draw::new(seed, Stage::Layout));

    let mut book = NameBook::new();
    let staffing = units::generate(
        &mut Draw::new(seed, Stage::Units),
        &mut book,
        &buildings,
        &sites,
    );
    let guards = guards::generate(
        &mut Draw::new(seed, Stage::Guards),
        &mut book,
        &staffing.units,
        &staffing.posts,
        &staffing.headcount,
    );
    let checkpoints = checkpoints::generate(
        &mut Draw::new(seed, Stage::Checkpoints),
        &buildings,
        &sites,
        &staffing.units,
        &staffing.posts,
    );
    let enterprises = enterprises::generate(&mut Draw::new(seed, Stage::Enterprises), &buildings);
    let staff = org::staff(&mut Draw::new(seed, Stage::Staff), &mut book, &departments);

    DemoDistrict {
        seed,
        center: CENTER,
        bureau,
        station,
        police_room,
        grids,
        departments,
        companies,
        buildings,
        units: staffing.units,
        posts: staffing.posts,
        guards,
        checkpoints,
        staff,
        enterprises,
    }
}
