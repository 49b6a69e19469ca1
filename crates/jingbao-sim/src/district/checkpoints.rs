//! Patrol checkpoints (打卡点): every tower has a lobby point, a basement car-park point
//! and a perimeter gate; fire stairs, roofs, second basements and second gates are
//! added where they fit until the district has [`CHECKPOINT_TARGET`] in all.

use super::buildings::Site;
use super::footprint::{centroid, contains, edges_outward};
use super::layout::{self, Xy};
use super::model::{Building, Checkpoint, LinkedUnit, Post};
use super::rng::Draw;

/// Checkpoints in the district.
pub const CHECKPOINT_TARGET: usize = 300;

/// Radius of indoor checkpoints, metres.
pub const INDOOR_RADIUS_M: f64 = 30.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Lobby,
    Stairs,
    Roof,
    Basement1,
    Basement2,
    Gate,
    SecondGate,
}

pub(crate) fn generate(
    draw: &mut Draw,
    buildings: &[Building],
    sites: &[Site],
    units: &[LinkedUnit],
    posts: &[Post],
) -> Vec<Checkpoint> {
    let plan = plan(draw, buildings);
    let mut unit_of = vec![0usize; buildings.len()];
    for (u, unit) in units.iter().enumerate() {
        for &b in &unit.buildings {
            unit_of[b] = u;
        }
    }
    let mut out = Vec::with_capacity(plan.len());
    let mut gate_edges: Vec<usize> = Vec::new();
    for (b, kind) in plan {
        let building = &buildings[b];
        let points = &sites[b].points;
        let unit = unit_of[b];
        let wanted_post = match kind {
            Kind::Lobby => "大堂岗",
            Kind::Basement1 | Kind::Basement2 => "地库岗",
            Kind::Gate | Kind::SecondGate => "门岗",
            Kind::Stairs | Kind::Roof => "巡逻岗",
        };
        let post = (0..posts.len()).find(|&p| {
            posts[p].unit == unit && posts[p].building == b && posts[p].name == wanted_post
        });
        let (label, at, floor, indoor) = match kind {
            Kind::Lobby => ("大堂".to_string(), inside(points, 0.0, draw), 1, true),
            Kind::Stairs => {
                let floor = draw.int(2, i64::from(building.floors - 1).max(2)) as i32;
                (
                    format!("消防楼梯{floor}F"),
                    inside(points, 0.7, draw),
                    floor,
                    true,
                )
            }
            Kind::Roof => (
                "屋顶平台".to_string(),
                inside(points, 0.3, draw),
                building.floors,
                false,
            ),
            Kind::Basement1 => (
                "地下车库B1".to_string(),
                inside(points, 0.5, draw),
                -1,
                true,
            ),
            Kind::Basement2 => (
                "地下车库B2".to_string(),
                inside(points, 0.5, draw),
                -2,
                true,
            ),
            Kind::Gate | Kind::SecondGate => {
                if kind == Kind::Gate {
                    gate_edges.clear();
                }
                let (at, direction) = gate(points, &mut gate_edges, draw);
                (direction, at, 1, false)
            }
        };
        let radius_m = if indoor {
            INDOOR_RADIUS_M
        } else {
            5.0 * draw.int(4, 10) as f64
        };
        out.push(Checkpoint {
            id: draw.uuid(),
            name: format!("{}{label}", building.name),
            code: format!("CP{:03}", out.len() + 1),
            building: b,
            unit,
            post,
            position: layout::to_lonlat(at),
            radius_m,
            floor,
            indoor,
        });
    }
    out
}

/// Which checkpoints each tower gets, in output order. The optional ones are drawn by
/// weighted sampling without replacement to make up the target count.
fn plan(draw: &mut Draw, buildings: &[Building]) -> Vec<(usize, Kind)> {
    let mut chosen = Vec::new();
    let mut optional: Vec<(f64, usize, Kind)> = Vec::new();
    for (b, building) in buildings.iter().enumerate() {
        chosen.extend([(b, Kind::Lobby), (b, Kind::Basement1), (b, Kind::Gate)]);
        let mut offer =
            |kind, weight: f64| optional.push((draw.float(0.0, 1.0).powf(1.0 / weight), b, kind));
        offer(Kind::Stairs, 3.0);
        offer(Kind::SecondGate, 1.0);
        if building.height_m >= 60.0 {
            offer(Kind::Roof, 2.0);
        }
        if building.floors >= 25 {
            offer(Kind::Basement2, 1.5);
        }
    }
    optional.sort_by(|a, b| b.0.total_cmp(&a.0));
    let extra = CHECKPOINT_TARGET.saturating_sub(chosen.len());
    chosen.extend(
        optional
            .into_iter()
            .take(extra)
            .map(|(_, b, kind)| (b, kind)),
    );
    chosen.sort();
    chosen
}

/// A point inside the footprint: the centroid, or `towards_corner` of the way from the
/// centroid to a random vertex when that point is still inside.
fn inside(points: &[Xy], towards_corner: f64, draw: &mut Draw) -> Xy {
    let c = centroid(points);
    let v = *draw.pick(points);
    let p = Xy {
        x: c.x + (v.x - c.x) * towards_corner,
        y: c.y + (v.y - c.y) * towards_corner,
    };
    if contains(points, p) { p } else { c }
}

/// A gate 5–12 m out from the middle of an edge not used by an earlier gate of the same
/// tower, named after the compass direction it faces.
fn gate(points: &[Xy], used: &mut Vec<usize>, draw: &mut Draw) -> (Xy, String) {
    let edges = edges_outward(points);
    let used_dirs: Vec<&str> = used.iter().map(|&e| compass(edges[e].1)).collect();
    let mut free: Vec<usize> = (0..edges.len())
        .filter(|&e| !used_dirs.contains(&compass(edges[e].1)))
        .collect();
    if free.is_empty() {
        free = (0..edges.len()).filter(|e| !used.contains(e)).collect();
    }
    let e = *draw.pick(&free);
    let (mid, normal) = edges[e];
    let out = draw.float(5.0, 12.0);
    let direction = compass(normal);
    let label = if used_dirs.contains(&direction) {
        format!("{direction}侧出入口")
    } else {
        format!("{direction}门")
    };
    used.push(e);
    (
        Xy {
            x: mid.x + normal.x * out,
            y: mid.y + normal.y * out,
        },
        label,
    )
}

fn compass(normal: Xy) -> &'static str {
    if normal.x.abs() >= normal.y.abs() {
        if normal.x > 0.0 { "东" } else { "西" }
    } else if normal.y > 0.0 {
        "北"
    } else {
        "南"
    }
}
