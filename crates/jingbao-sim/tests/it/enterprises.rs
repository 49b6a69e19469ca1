//! Registered enterprises: distinct names, plausible industries and floors, spread in
//! proportion to tower floors.

use std::collections::HashSet;

use super::{district, districts};

const INDUSTRIES: [&str; 12] = [
    "商务服务",
    "批发零售",
    "信息技术",
    "金融",
    "航运物流",
    "咨询",
    "文化传媒",
    "餐饮",
    "房地产",
    "人力资源",
    "建筑工程",
    "教育培训",
];

#[test]
fn exactly_10920_with_distinct_names() {
    let e = &district().enterprises;
    assert_eq!(e.len(), 10_920);
    let names: HashSet<_> = e.iter().map(|x| &x.name).collect();
    assert_eq!(names.len(), e.len());
    for x in e {
        assert!(
            x.name.ends_with("有限公司")
                || x.name.ends_with("分公司")
                || x.name.ends_with("（有限合伙）"),
            "{}",
            x.name
        );
    }
}

#[test]
fn industries_and_floors_are_plausible() {
    for d in districts() {
        let mut used = HashSet::new();
        for x in &d.enterprises {
            assert!(INDUSTRIES.contains(&x.industry.as_str()), "{}", x.industry);
            used.insert(x.industry.as_str());
            let floors = d.buildings[x.building].floors;
            assert!(
                (1..=floors).contains(&x.floor),
                "{} on {} of {floors}",
                x.name,
                x.floor
            );
        }
        assert!(used.len() >= 8);
    }
}

#[test]
fn spread_follows_floor_counts() {
    for d in districts() {
        let total_floors: i32 = d.buildings.iter().map(|b| b.floors).sum();
        for (i, b) in d.buildings.iter().enumerate() {
            let count = d.enterprises.iter().filter(|x| x.building == i).count() as f64;
            let expected = 10_920.0 * f64::from(b.floors) / f64::from(total_floors);
            assert!(
                (count - expected).abs() <= 1.0,
                "{} has {count}, expected {expected:.1}",
                b.name
            );
        }
    }
}
