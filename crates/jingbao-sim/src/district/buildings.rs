//! The 73 towers: how many stand in each block, what each block is called (a phase
//! block such as 南商二期B3座, a multi-tower complex such as 宁波国际金融中心 2 号楼, or
//! individually named towers), their footprints, heights and street addresses.

use std::collections::HashSet;

use super::footprint::{centroid, draw_footprint};
use super::layout::{self, Xy};
use super::model::Building;
use super::rng::Draw;
use super::streets::{self, Block};

/// Towers in the district.
pub const TOWER_COUNT: usize = 73;

const PHASE_NUMERALS: [&str; 4] = ["一", "二", "三", "四"];
const BLOCK_LETTERS: [char; 4] = ['A', 'B', 'C', 'D'];

/// Names of multi-tower complexes; towers are numbered within them.
const COMPLEXES: &[&str] = &[
    "宁波国际金融中心",
    "南商财富中心",
    "鄞州商会国贸中心",
    "首南金融港",
    "天童商务广场",
    "南商汇金广场",
    "泰康总部港",
    "日丽科创中心",
    "甬商总部基地",
    "宁波航运金融中心",
    "南部新城商务中心",
    "中宁国际广场",
];

/// Names of individual towers.
const TOWERS: &[&str] = &[
    "环球航运广场",
    "汇金大厦",
    "嘉和中心",
    "宁兴国贸大厦",
    "甬港大厦",
    "东方商务中心",
    "泰康大厦",
    "首南财富大厦",
    "天童国际大厦",
    "鄞州商会大厦",
    "中盈大厦",
    "恒信大厦",
    "浙东银座",
    "明州金融大厦",
    "嘉汇国贸大厦",
    "三江汇智大厦",
    "港城大厦",
    "锦绣商务楼",
    "正源财富中心",
    "甬江科创大厦",
    "四明金座",
    "华鼎大厦",
    "新城国际大厦",
    "宁南商务楼",
    "东湖时代大厦",
    "鼎泰中心",
    "金汇广场",
    "钱湖国际大厦",
    "海天商务中心",
    "宏泰大厦",
    "天一国际大厦",
    "凯越大厦",
    "永丰金融大厦",
    "南商创新大厦",
];

/// How a block's towers are named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// 南商{phase}期{letter}{n}座
    Phase(char),
    /// {complex}{n}号楼
    Complex(&'static str),
    /// Every tower has its own name.
    Standalone,
}

/// Where and how a tower was laid out, kept for the later stages.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub block: Block,
    pub family: Family,
    /// 1-based position of the tower within its block.
    pub serial: usize,
    /// Open counter-clockwise ring, local metres.
    pub points: Vec<Xy>,
}

/// Lays out all towers, block by block from west to east (phase 1 to 4).
pub(crate) fn generate(draw: &mut Draw) -> (Vec<Building>, Vec<Site>) {
    let blocks = streets::blocks();
    let mut per_block = vec![4usize; blocks.len()];
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    draw.shuffle(&mut order);
    for &b in order.iter().take(TOWER_COUNT - 4 * blocks.len()) {
        per_block[b] = 5;
    }

    let mut complexes: Vec<&'static str> = COMPLEXES.to_vec();
    let mut towers: Vec<&'static str> = TOWERS.to_vec();
    draw.shuffle(&mut complexes);
    draw.shuffle(&mut towers);

    let mut buildings = Vec::with_capacity(TOWER_COUNT);
    let mut sites = Vec::with_capacity(TOWER_COUNT);
    let mut addresses = HashSet::new();
    for (block, &count) in blocks.iter().zip(&per_block) {
        let family = match draw.index(10) {
            0..=3 => Family::Phase(BLOCK_LETTERS[block.row]),
            4..=6 => complexes
                .pop()
                .map_or(Family::Phase(BLOCK_LETTERS[block.row]), Family::Complex),
            _ if towers.len() >= count => Family::Standalone,
            _ => Family::Phase(BLOCK_LETTERS[block.row]),
        };
        let wide_row = draw.index(2);
        for (i, slot) in streets::slots(&block.area, count, wide_row)
            .iter()
            .enumerate()
        {
            let serial = i + 1;
            let phase = block.col as u8 + 1;
            let name = match family {
                Family::Phase(letter) => {
                    format!("南商{}期{letter}{serial}座", PHASE_NUMERALS[block.col])
                }
                Family::Complex(complex) => format!("{complex}{serial}号楼"),
                Family::Standalone => towers.pop().unwrap_or("南商大厦").to_string(),
            };
            let front_north = slot.y1 >= block.area.y1 - 1e-6;
            let points = draw_footprint(draw, slot, front_north);
            let height_m = tower_height(draw, phase);
            let address = street_address(block, centroid(&points), &mut addresses);
            buildings.push(Building {
                id: draw.uuid(),
                name,
                code: format!("B{:02}", buildings.len() + 1),
                grid: block.grid,
                phase,
                address,
                footprint: layout::ring_to_lonlat(&points),
                height_m,
                floors: ((height_m / 4.0).round() as i32).max(8),
            });
            sites.push(Site {
                block: *block,
                family,
                serial,
                points,
            });
        }
    }
    (buildings, sites)
}

/// Height in metres (to 0.1 m). Later phases build a little taller.
fn tower_height(draw: &mut Draw, phase: u8) -> f64 {
    let bands: [((f64, f64), u32); 5] = [
        ((30.0, 60.0), 10),
        ((60.0, 100.0), 34),
        ((100.0, 150.0), 34 + 2 * u32::from(phase)),
        ((150.0, 200.0), 12 + 2 * u32::from(phase)),
        ((200.0, 220.0), u32::from(phase)),
    ];
    let (lo, hi) = *draw.weighted(&bands);
    (draw.float(lo, hi) * 10.0).round() / 10.0
}

/// A postal address on the road the tower faces, house numbers increasing along the
/// road with odd and even numbers on opposite sides; unique within the district.
fn street_address(block: &Block, at: Xy, used: &mut HashSet<String>) -> String {
    let front = streets::frontage(block, at);
    let mut number = (front.along_m / 8.0).round() as i64 * 2 + if front.odd_side { 1 } else { 2 };
    loop {
        let address = format!("浙江省宁波市鄞州区{}{}号", front.road.name, number);
        if used.insert(address.clone()) {
            return address;
        }
        number += 2;
    }
}
