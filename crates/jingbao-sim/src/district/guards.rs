//! Security guards: who they are (name, gender, fictitious Zhejiang identity number,
//! mobile number, guard licence), who employs them, and where they stand (unit, post,
//! response-team membership).

use std::collections::HashSet;

use super::ids;
use super::model::{Gender, Guard, LinkedUnit, Post};
use super::names::NameBook;
use super::org::{PROPERTY_COMPANIES, SECURITY_COMPANIES};
use super::rng::Draw;

/// The demo's "today", against which licence expiry is judged.
pub const REFERENCE_DATE: (i32, u32, u32) = (2026, 11, 1);

/// Birthplace division codes (Zhejiang), weighted towards Ningbo.
#[rustfmt::skip]
const REGIONS: &[(&str, u32)] = &[
    ("330212", 14), ("330203", 6), ("330205", 4), ("330206", 4), ("330211", 3),
    ("330213", 5), ("330225", 5), ("330226", 6), ("330281", 6), ("330282", 6),
    ("330102", 2), ("330106", 2), ("330302", 3), ("330381", 3), ("330402", 2),
    ("330502", 2), ("330602", 3), ("330683", 3), ("330702", 3), ("330782", 3),
    ("330802", 3), ("330902", 2), ("331002", 3), ("331082", 3), ("331102", 3),
];

/// Birth-year bands; guards skew older. All give ages 22–59 throughout 2026.
const BIRTH_YEARS: &[((i32, i32), u32)] = &[
    ((1996, 2003), 15),
    ((1986, 1995), 22),
    ((1976, 1985), 30),
    ((1967, 1975), 33),
];

pub(crate) fn generate(
    draw: &mut Draw,
    book: &mut NameBook,
    units: &[LinkedUnit],
    posts: &[Post],
    headcount: &[usize],
) -> Vec<Guard> {
    let mut guards = Vec::with_capacity(headcount.iter().sum());
    let mut phones = HashSet::new();
    let mut licences = HashSet::new();
    let mut id_numbers = HashSet::new();
    for (u, unit) in units.iter().enumerate() {
        let unit_posts: Vec<usize> = (0..posts.len()).filter(|&p| posts[p].unit == u).collect();
        let size = headcount[u];
        let outsourced = draw.chance(0.4);
        let contractor = if outsourced {
            PROPERTY_COMPANIES + draw.index(SECURITY_COMPANIES)
        } else {
            unit.property_company
        };
        let mut seats: Vec<usize> = Vec::with_capacity(size);
        for &p in &unit_posts {
            seats.extend(std::iter::repeat_n(p, posts[p].min_staff.max(1) as usize));
        }
        let mut next = 0;
        while seats.len() < size {
            seats.push(unit_posts[next % unit_posts.len()]);
            next += 1;
        }
        let mut order: Vec<usize> = (0..size).collect();
        draw.shuffle(&mut order);
        let leaders = match size {
            0..=2 => 1,
            3 | 4 => 2,
            _ => 3,
        };
        for (k, &post) in seats.iter().take(size).enumerate() {
            let male = draw.chance(0.85);
            let employer = if draw.chance(0.9) {
                contractor
            } else if outsourced {
                unit.property_company
            } else {
                PROPERTY_COMPANIES + draw.index(SECURITY_COMPANIES)
            };
            let birth = birth_date(draw);
            let region = draw.weighted(REGIONS);
            guards.push(Guard {
                id: draw.uuid(),
                username: format!("guard{:04}", guards.len() + 1),
                name: book.person(draw, male),
                gender: if male { Gender::Male } else { Gender::Female },
                id_number: unique(&mut id_numbers, || {
                    ids::resident_id(draw, region, birth, male)
                }),
                phone: unique(&mut phones, || ids::mobile(draw)),
                licence_no: unique(&mut licences, || {
                    let year = draw.int(i64::from(birth.0) + 19, 2024).max(2012);
                    format!("浙保证字{year}{:06}", draw.int(1, 999_999))
                }),
                licence_expiry: licence_expiry(draw),
                employer,
                unit: u,
                post,
                team_leader: order[k] < leaders,
            });
        }
    }
    guards
}

/// Calls `make` until it yields a value not yet in `used`.
fn unique(used: &mut HashSet<String>, mut make: impl FnMut() -> String) -> String {
    loop {
        let value = make();
        if used.insert(value.clone()) {
            return value;
        }
    }
}

fn birth_date(draw: &mut Draw) -> (i32, u32, u32) {
    let (lo, hi) = *draw.weighted(BIRTH_YEARS);
    let year = draw.int(i64::from(lo), i64::from(hi)) as i32;
    let month = draw.int(1, 12) as u32;
    let day = draw.int(1, i64::from(days_in_month(year, month))) as u32;
    (year, month, day)
}

/// Expiry between 2026 and 2029; about one in twenty already lapsed by
/// [`REFERENCE_DATE`].
fn licence_expiry(draw: &mut Draw) -> (i32, u32, u32) {
    let start = (2026, 1, 10);
    let lapsed_days = days_between(start, REFERENCE_DATE);
    let offset = if draw.chance(0.05) {
        draw.int(0, lapsed_days - 1)
    } else {
        draw.int(lapsed_days, days_between(start, (2029, 12, 31)))
    };
    add_days(start, offset)
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days from `a` to `b` (b after a).
fn days_between(a: (i32, u32, u32), b: (i32, u32, u32)) -> i64 {
    let mut days = 0;
    let mut d = a;
    while d != b {
        d = add_days(d, 1);
        days += 1;
    }
    days
}

fn add_days(mut d: (i32, u32, u32), n: i64) -> (i32, u32, u32) {
    for _ in 0..n {
        d.2 += 1;
        if d.2 > days_in_month(d.0, d.1) {
            d.2 = 1;
            d.1 += 1;
            if d.1 > 12 {
                d.1 = 1;
                d.0 += 1;
            }
        }
    }
    d
}
