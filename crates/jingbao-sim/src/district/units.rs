//! Linked units (联动单位) and their posts: one unit per tower except a few that look
//! after two neighbouring towers of the same block, each run by a property company
//! with a manager account, a guard headcount and one to three posts.

use super::buildings::{Family, Site};
use super::model::{Building, LinkedUnit, Post};
use super::names::NameBook;
use super::org::PROPERTY_COMPANIES;
use super::rng::Draw;

/// Units that cover two towers.
pub const PAIRED_UNITS: usize = 4;

/// Guards on duty in the district (2025 figure from the source article's Table 1).
pub const GUARD_TARGET: usize = 288;

/// Post kinds besides the lobby (大堂岗), which every unit has.
const EXTRA_POSTS: [&str; 4] = ["监控室", "巡逻岗", "地库岗", "门岗"];

/// Units, posts and the number of guards each unit employs.
pub(crate) struct Staffing {
    pub units: Vec<LinkedUnit>,
    pub posts: Vec<Post>,
    pub headcount: Vec<usize>,
}

pub(crate) fn generate(
    draw: &mut Draw,
    book: &mut NameBook,
    buildings: &[Building],
    sites: &[Site],
) -> Staffing {
    let paired = choose_pairs(draw, sites);
    let mut block_company = [0usize; 16];
    for c in &mut block_company {
        *c = draw.index(PROPERTY_COMPANIES);
    }

    let mut units: Vec<LinkedUnit> = Vec::new();
    let mut i = 0;
    while i < buildings.len() {
        let members: Vec<usize> = if paired.contains(&i) {
            vec![i, i + 1]
        } else {
            vec![i]
        };
        i += members.len();
        let site = &sites[members[0]];
        let block = site.block.col * 4 + site.block.row;
        let property_company = if draw.chance(0.8) {
            block_company[block]
        } else {
            draw.index(PROPERTY_COMPANIES)
        };
        let n = units.len() + 1;
        let male = draw.chance(0.7);
        units.push(LinkedUnit {
            id: draw.uuid(),
            name: unit_name(buildings, sites, &members),
            code: format!("U{n:02}"),
            grid: buildings[members[0]].grid,
            buildings: members,
            property_company,
            manager_username: format!("manager{n:02}"),
            manager_name: book.person(draw, male),
        });
    }

    let headcount = headcounts(draw, &units, buildings);
    let mut posts = Vec::new();
    for (u, unit) in units.iter().enumerate() {
        posts.extend(unit_posts(draw, u, unit, headcount[u]));
    }
    Staffing {
        units,
        posts,
        headcount,
    }
}

/// First towers of the pairs: the first two towers of a phase or complex block.
fn choose_pairs(draw: &mut Draw, sites: &[Site]) -> Vec<usize> {
    let mut candidates: Vec<usize> = (0..sites.len().saturating_sub(1))
        .filter(|&i| {
            let (a, b) = (&sites[i], &sites[i + 1]);
            a.serial == 1
                && b.serial == 2
                && a.block.col == b.block.col
                && a.block.row == b.block.row
                && !matches!(a.family, Family::Standalone)
        })
        .collect();
    draw.shuffle(&mut candidates);
    candidates.truncate(PAIRED_UNITS);
    candidates
}

fn unit_name(buildings: &[Building], sites: &[Site], members: &[usize]) -> String {
    let first = &buildings[members[0]].name;
    if members.len() == 1 {
        return first.clone();
    }
    let site = &sites[members[0]];
    match site.family {
        Family::Phase(letter) => {
            let prefix = first.strip_suffix("1座").unwrap_or(first);
            format!("{prefix}1-{letter}2座")
        }
        Family::Complex(complex) => format!("{complex}1-2号楼"),
        Family::Standalone => format!("{first}等{}幢楼宇", members.len()),
    }
}

/// Guards per unit: 2–6, more for taller and paired towers, adjusted so that the
/// district total is exactly [`GUARD_TARGET`].
fn headcounts(draw: &mut Draw, units: &[LinkedUnit], buildings: &[Building]) -> Vec<usize> {
    let floor_of = |u: &LinkedUnit| if u.buildings.len() > 1 { 4 } else { 2 };
    let mut counts: Vec<usize> = units
        .iter()
        .map(|u| {
            let floors: i32 = u.buildings.iter().map(|&b| buildings[b].floors).sum();
            let wanted = 1.6 + f64::from(floors) / 16.0 + draw.float(-0.8, 0.8);
            (wanted.round() as usize).clamp(floor_of(u), 6)
        })
        .collect();
    let mut total: usize = counts.iter().sum();
    while total != GUARD_TARGET {
        let u = draw.index(units.len());
        if total < GUARD_TARGET && counts[u] < 6 {
            counts[u] += 1;
            total += 1;
        } else if total > GUARD_TARGET && counts[u] > floor_of(&units[u]) {
            counts[u] -= 1;
            total -= 1;
        }
    }
    counts
}

/// One to three posts: always the lobby, plus others as the headcount allows. The
/// minimum staffing of a unit's posts never exceeds its headcount.
fn unit_posts(draw: &mut Draw, u: usize, unit: &LinkedUnit, guards: usize) -> Vec<Post> {
    let count = match guards {
        0..=2 => 1 + usize::from(draw.chance(0.5)),
        3 => 2,
        4 => 2 + usize::from(draw.chance(0.6)),
        _ => 3,
    }
    .max(unit.buildings.len());
    let mut kinds = EXTRA_POSTS.to_vec();
    draw.shuffle(&mut kinds);
    kinds.insert(0, "大堂岗");
    kinds
        .into_iter()
        .take(count)
        .enumerate()
        .map(|(j, name)| Post {
            id: draw.uuid(),
            unit: u,
            building: unit.buildings[j % unit.buildings.len()],
            name: name.to_string(),
            min_staff: if name == "巡逻岗" && guards >= 5 {
                2
            } else {
                1
            },
        })
        .collect()
}
