//! Chinese personal names: a weighted surname table (national frequency with the
//! Ningbo-area surnames given extra weight), given-name characters by gender, and a
//! name book that hands out names unique within one district.

use std::collections::HashSet;

use super::rng::Draw;

/// Surnames with relative weights (roughly per-mille of the population, with local
/// names such as 俞, 应, 邬, 竺, 虞, 鲍 raised for Ningbo).
#[rustfmt::skip]
const SURNAMES: &[(&str, u32)] = &[
    ("王", 72), ("李", 70), ("张", 68), ("刘", 54), ("陈", 70), ("杨", 32), ("黄", 24), ("赵", 20),
    ("吴", 26), ("周", 24), ("徐", 24), ("孙", 16), ("马", 12), ("朱", 16), ("胡", 18), ("郭", 11),
    ("何", 10), ("林", 18), ("高", 10), ("罗", 9), ("郑", 14), ("梁", 7), ("谢", 7), ("宋", 6),
    ("唐", 6), ("许", 8), ("韩", 6), ("冯", 6), ("邓", 5), ("曹", 5), ("彭", 5), ("曾", 5),
    ("肖", 5), ("田", 4), ("董", 5), ("袁", 4), ("潘", 6), ("蒋", 6), ("蔡", 5), ("余", 6),
    ("杜", 4), ("叶", 10), ("程", 4), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4), ("任", 4),
    ("沈", 9), ("姚", 5), ("卢", 4), ("姜", 3), ("钟", 3), ("陆", 6), ("汪", 5), ("范", 3),
    ("金", 8), ("石", 3), ("贾", 3), ("方", 5), ("邵", 4), ("毛", 4), ("钱", 4), ("严", 3),
    ("孔", 2), ("汤", 3), ("俞", 6), ("应", 5), ("邬", 3), ("竺", 2), ("虞", 3), ("鲍", 3),
    ("史", 2), ("顾", 3), ("龚", 2), ("戴", 3), ("傅", 4), ("贺", 2), ("施", 3), ("洪", 3),
    ("岑", 2), ("楼", 2), ("柴", 2), ("单", 1),
];

/// Characters common in men's given names.
const MALE_CHARS: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "宁", "建", "国", "峰", "俊", "浩", "亮", "林", "海", "东", "文", "志", "宏", "雷",
    "晨", "凯", "健", "龙", "振", "成", "锋", "永", "昌", "德", "庆", "祥", "兵", "坚", "忠", "良",
    "彬", "宇", "阳", "毅", "力", "江", "新", "荣", "胜", "卫", "旭", "瑞",
];

/// Characters common in women's given names.
const FEMALE_CHARS: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "萍", "红", "婷", "雪", "琳", "慧",
    "倩", "洁", "颖", "佳", "莉", "蓉", "梅", "英", "秀", "琴", "云", "凤", "晶", "璐", "欣", "雯",
    "丹", "瑶", "岚", "菲", "虹", "月", "薇", "珍",
];

/// Hands out full names, never the same one twice.
pub(crate) struct NameBook {
    used: HashSet<String>,
}

impl NameBook {
    pub(crate) fn new() -> Self {
        NameBook {
            used: HashSet::new(),
        }
    }

    /// A new, not yet used name; two-character given names are the more common.
    pub(crate) fn person(&mut self, draw: &mut Draw, male: bool) -> String {
        let chars = if male { MALE_CHARS } else { FEMALE_CHARS };
        loop {
            let surname = draw.weighted(SURNAMES);
            let mut name = String::from(*surname);
            let first = *draw.pick(chars);
            name.push_str(first);
            if draw.chance(0.72) {
                let second = *draw.pick(chars);
                name.push_str(second);
            }
            if self.used.insert(name.clone()) {
                return name;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::district::rng::Stage;

    #[test]
    fn names_are_unique_and_chinese() {
        let mut draw = Draw::new(9, Stage::Guards);
        let mut book = NameBook::new();
        let mut seen = HashSet::new();
        for i in 0..600 {
            let name = book.person(&mut draw, i % 7 != 0);
            assert!((2..=3).contains(&name.chars().count()), "{name}");
            assert!(seen.insert(name));
        }
    }
}
