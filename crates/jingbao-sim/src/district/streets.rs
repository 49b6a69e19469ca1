//! The street grid: named roads in both directions, the 16 blocks between them, the
//! four grid quadrants the two main roads cut, the building slots inside a block, and
//! which road a building fronts onto.

use super::layout::{HALF_SIDE_M, Rect, Xy};

/// A named road: a centre line at a fixed `x` (north–south roads) or `y` (east–west).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Road {
    pub name: &'static str,
    pub at: f64,
    pub half_width: f64,
}

const fn road(name: &'static str, at: f64, half_width: f64) -> Road {
    Road {
        name,
        at,
        half_width,
    }
}

/// North–south roads, west to east. The middle one is the main avenue.
pub(crate) const NS_ROADS: [Road; 5] = [
    road("前河南路", -HALF_SIDE_M, 12.0),
    road("惊驾路", -250.0, 12.0),
    road("天童南路", 0.0, 20.0),
    road("日丽中路", 250.0, 12.0),
    road("宁南南路", HALF_SIDE_M, 12.0),
];

/// East–west roads, south to north. The middle one is the main avenue.
pub(crate) const EW_ROADS: [Road; 5] = [
    road("贸城中路", -HALF_SIDE_M, 12.0),
    road("学士路", -250.0, 12.0),
    road("首南中路", 0.0, 20.0),
    road("泰康中路", 250.0, 12.0),
    road("鄞县大道", HALF_SIDE_M, 12.0),
];

/// A city block between two pairs of adjacent roads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    /// 0..4, west to east; also the construction phase minus one.
    pub col: usize,
    /// 0..4, south to north.
    pub row: usize,
    /// Buildable area, kerb to kerb.
    pub area: Rect,
    /// Index of the grid quadrant containing the block.
    pub grid: usize,
}

/// The 16 blocks, column by column (west to east), each column south to north.
pub(crate) fn blocks() -> Vec<Block> {
    let mut out = Vec::with_capacity(16);
    for col in 0..4 {
        for row in 0..4 {
            let (w, e) = (NS_ROADS[col], NS_ROADS[col + 1]);
            let (s, n) = (EW_ROADS[row], EW_ROADS[row + 1]);
            let area = Rect {
                x0: w.at + w.half_width,
                y0: s.at + s.half_width,
                x1: e.at - e.half_width,
                y1: n.at - n.half_width,
            };
            out.push(Block {
                col,
                row,
                area,
                grid: grid_of(col, row),
            });
        }
    }
    out
}

/// Grid quadrant of a block: 0 north-west, 1 north-east, 2 south-west, 3 south-east.
fn grid_of(col: usize, row: usize) -> usize {
    match (col >= 2, row >= 2) {
        (false, true) => 0,
        (true, true) => 1,
        (false, false) => 2,
        (true, false) => 3,
    }
}

/// The area of grid quadrant `grid`, bounded by the district edge and the main roads'
/// centre lines.
pub(crate) fn grid_rect(grid: usize) -> Rect {
    let h = HALF_SIDE_M;
    match grid {
        0 => Rect {
            x0: -h,
            y0: 0.0,
            x1: 0.0,
            y1: h,
        },
        1 => Rect {
            x0: 0.0,
            y0: 0.0,
            x1: h,
            y1: h,
        },
        2 => Rect {
            x0: -h,
            y0: -h,
            x1: 0.0,
            y1: 0.0,
        },
        _ => Rect {
            x0: 0.0,
            y0: -h,
            x1: h,
            y1: 0.0,
        },
    }
}

/// Splits a block into `count` building slots (4 or 5) in two rows; with 5, the row
/// `wide_row` (0 south, 1 north) holds three narrower slots.
pub(crate) fn slots(block: &Rect, count: usize, wide_row: usize) -> Vec<Rect> {
    let mid = block.y0 + block.height() / 2.0;
    let rows = [(block.y0, mid), (mid, block.y1)];
    let mut out = Vec::with_capacity(count);
    for (i, (y0, y1)) in rows.into_iter().enumerate() {
        let cols = if count == 5 && i == wide_row { 3 } else { 2 };
        let w = block.width() / cols as f64;
        for c in 0..cols {
            let x0 = block.x0 + w * c as f64;
            out.push(Rect {
                x0,
                y0,
                x1: x0 + w,
                y1,
            });
        }
    }
    out
}

/// Where a building meets the street: the road it faces, the distance along the road
/// from its start (west or north end), and which side of the road it stands on.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frontage {
    pub road: Road,
    pub along_m: f64,
    pub odd_side: bool,
}

/// The nearest of the four roads around `block` to the point `p`.
pub(crate) fn frontage(block: &Block, p: Xy) -> Frontage {
    let west = NS_ROADS[block.col];
    let east = NS_ROADS[block.col + 1];
    let south = EW_ROADS[block.row];
    let north = EW_ROADS[block.row + 1];
    let from_north = HALF_SIDE_M - p.y;
    let from_west = p.x + HALF_SIDE_M;
    let candidates = [
        (
            p.x - west.at,
            Frontage {
                road: west,
                along_m: from_north,
                odd_side: false,
            },
        ),
        (
            east.at - p.x,
            Frontage {
                road: east,
                along_m: from_north,
                odd_side: true,
            },
        ),
        (
            p.y - south.at,
            Frontage {
                road: south,
                along_m: from_west,
                odd_side: true,
            },
        ),
        (
            north.at - p.y,
            Frontage {
                road: north,
                along_m: from_west,
                odd_side: false,
            },
        ),
    ];
    let mut best = candidates[0];
    for c in candidates {
        if c.0 < best.0 {
            best = c;
        }
    }
    best.1
}
