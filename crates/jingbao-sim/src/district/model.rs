//! The public data model of the demo district: plain, serialisable records that refer to
//! each other by index into the vectors of [`DemoDistrict`].

use serde::Serialize;
use uuid::Uuid;

/// The whole generated district. Every `usize` field in the records below is an index
/// into one of these vectors.
#[derive(Debug, Clone, Serialize)]
pub struct DemoDistrict {
    pub seed: u64,
    pub center: LonLat,
    pub bureau: NamedUnit,
    pub station: NamedUnit,
    pub police_room: NamedUnit,
    pub grids: Vec<Grid>,
    pub departments: Vec<Department>,
    pub companies: Vec<ServiceCompany>,
    pub buildings: Vec<Building>,
    pub units: Vec<LinkedUnit>,
    pub posts: Vec<Post>,
    pub guards: Vec<Guard>,
    pub checkpoints: Vec<Checkpoint>,
    pub staff: Vec<StaffAccount>,
    pub enterprises: Vec<Enterprise>,
}

/// A WGS-84 position in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A node of the police organisation tree (分局, 派出所, 警务室).
#[derive(Debug, Clone, Serialize)]
pub struct NamedUnit {
    pub id: Uuid,
    pub name: String,
    pub code: String,
}

/// A patrol grid (网格). `boundary` is a closed ring (first == last), counter-clockwise.
#[derive(Debug, Clone, Serialize)]
pub struct Grid {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub boundary: Vec<LonLat>,
}

/// A government department beside the police tree; `code` is a short stable key
/// such as `"market"` or `"fire"`.
#[derive(Debug, Clone, Serialize)]
pub struct Department {
    pub id: Uuid,
    pub name: String,
    pub code: String,
}

/// A property-management or security company that employs guards.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceCompany {
    pub id: Uuid,
    pub name: String,
    pub kind: CompanyKind,
    /// 18-character unified social credit code with a valid check character.
    pub credit_code: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CompanyKind {
    Property,
    Security,
}

/// An office tower. `footprint` is a closed, counter-clockwise ring of 4–8 distinct
/// vertices (5–9 points including the repeated first point).
#[derive(Debug, Clone, Serialize)]
pub struct Building {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub grid: usize,
    pub phase: u8,
    pub address: String,
    pub footprint: Vec<LonLat>,
    pub height_m: f64,
    pub floors: i32,
}

/// A linked unit (联动单位): one tower (occasionally two) and the guard team of its
/// property company.
#[derive(Debug, Clone, Serialize)]
pub struct LinkedUnit {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub grid: usize,
    pub buildings: Vec<usize>,
    pub property_company: usize,
    pub manager_username: String,
    pub manager_name: String,
}

/// A guard post (岗位) of a unit, located in one of the unit's buildings.
#[derive(Debug, Clone, Serialize)]
pub struct Post {
    pub id: Uuid,
    pub unit: usize,
    pub building: usize,
    pub name: String,
    pub min_staff: i32,
}

/// A licensed security guard (保安员).
#[derive(Debug, Clone, Serialize)]
pub struct Guard {
    pub id: Uuid,
    pub username: String,
    pub name: String,
    pub gender: Gender,
    /// 18-character PRC resident identity number (fictitious, valid check character).
    pub id_number: String,
    pub phone: String,
    pub licence_no: String,
    /// (year, month, day)
    pub licence_expiry: (i32, u32, u32),
    pub employer: usize,
    pub unit: usize,
    pub post: usize,
    /// Member of the unit's response team (最小应急单元).
    pub team_leader: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Gender {
    Male,
    Female,
}

/// A patrol checkpoint (打卡点). Negative floors are basements.
#[derive(Debug, Clone, Serialize)]
pub struct Checkpoint {
    pub id: Uuid,
    pub name: String,
    pub code: String,
    pub building: usize,
    pub unit: usize,
    pub post: Option<usize>,
    pub position: LonLat,
    pub radius_m: f64,
    pub floor: i32,
    pub indoor: bool,
}

/// A non-guard login: police, district office, department handlers and the three admins.
#[derive(Debug, Clone, Serialize)]
pub struct StaffAccount {
    pub username: String,
    pub name: String,
    pub role: StaffRole,
    pub department: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StaffRole {
    CommandOfficer,
    /// 辅警: signs in with a command-officer account.
    Auxiliary,
    DistrictOffice,
    DepartmentHandler,
    SystemAdmin,
    SecurityAdmin,
    AuditAdmin,
}

/// A company registered at an address in one of the towers.
#[derive(Debug, Clone, Serialize)]
pub struct Enterprise {
    pub id: Uuid,
    pub name: String,
    pub credit_code: String,
    pub building: usize,
    pub floor: i32,
    pub industry: String,
}

/// Record counts of a generated district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DistrictSummary {
    pub seed: u64,
    pub grids: usize,
    pub departments: usize,
    pub companies: usize,
    pub buildings: usize,
    pub units: usize,
    pub posts: usize,
    pub guards: usize,
    pub checkpoints: usize,
    pub staff: usize,
    pub enterprises: usize,
}

impl DemoDistrict {
    /// Counts of every collection, for logs and health pages.
    pub fn summary(&self) -> DistrictSummary {
        DistrictSummary {
            seed: self.seed,
            grids: self.grids.len(),
            departments: self.departments.len(),
            companies: self.companies.len(),
            buildings: self.buildings.len(),
            units: self.units.len(),
            posts: self.posts.len(),
            guards: self.guards.len(),
            checkpoints: self.checkpoints.len(),
            staff: self.staff.len(),
            enterprises: self.enterprises.len(),
        }
    }
}
