//! The 10,920 registered enterprises: distinct, realistic Chinese company names by
//! industry, unified social credit codes, and an office floor in one of the towers,
//! with towers holding companies in proportion to their floor count.

use std::collections::HashSet;

use super::ids;
use super::model::{Building, Enterprise};
use super::org::YINZHOU;
use super::rng::Draw;

/// Registered enterprises in the district (source article).
pub const ENTERPRISE_COUNT: usize = 10_920;

/// Industries with weights and the business words used in company names.
const INDUSTRIES: &[(&str, u32, &[&str])] = &[
    (
        "商务服务",
        20,
        &["商务服务", "企业管理", "会展服务", "企业服务", "商务信息"],
    ),
    (
        "批发零售",
        18,
        &["贸易", "进出口", "商贸", "国际贸易", "实业", "电子商务"],
    ),
    (
        "信息技术",
        14,
        &[
            "科技",
            "信息技术",
            "网络科技",
            "软件",
            "数字科技",
            "智能科技",
        ],
    ),
    (
        "咨询",
        10,
        &[
            "商务咨询",
            "企业管理咨询",
            "财务咨询",
            "工程咨询",
            "信息咨询",
        ],
    ),
    (
        "航运物流",
        8,
        &["供应链管理", "国际物流", "船务", "国际货运代理", "物流"],
    ),
    (
        "文化传媒",
        7,
        &["文化传媒", "广告", "文化创意", "影视文化", "品牌管理"],
    ),
    (
        "金融",
        6,
        &["投资管理", "资产管理", "股权投资", "融资租赁", "商业保理"],
    ),
    (
        "房地产",
        4,
        &["房地产经纪", "置业", "房地产开发", "不动产咨询"],
    ),
    ("人力资源", 4, &["人力资源", "劳务服务", "人才服务"]),
    ("餐饮", 4, &["餐饮管理", "餐饮", "食品"]),
    (
        "建筑工程",
        3,
        &["建设工程", "建筑装饰工程", "工程设计", "市政工程"],
    ),
    ("教育培训", 2, &["教育科技", "教育咨询", "职业技能培训"]),
];

/// Characters used in trade names (字号).
const TRADE_CHARS: &[&str] = &[
    "华", "瑞", "信", "达", "恒", "泰", "鑫", "源", "博", "远", "锦", "宏", "盛", "和", "德", "嘉",
    "兴", "凯", "聚", "启", "明", "诚", "越", "海", "天", "润", "丰", "汇", "鼎", "昊", "晟", "睿",
    "骏", "宸", "甬", "港", "东", "新", "航", "通", "捷", "安", "正", "中", "景", "合", "元", "致",
    "卓", "优", "创", "誉", "兆", "祥", "铭", "帆", "弘", "悦", "澜", "朗", "迪", "沃", "腾", "臻",
    "峰", "禾", "泓", "璟",
];

/// Cities of parent companies for branch offices.
const PARENT_CITIES: &[&str] = &["上海", "杭州", "深圳", "北京", "苏州", "南京"];

pub(crate) fn generate(draw: &mut Draw, buildings: &[Building]) -> Vec<Enterprise> {
    let per_building = apportion(buildings, ENTERPRISE_COUNT);
    let weights: Vec<(usize, u32)> = INDUSTRIES
        .iter()
        .enumerate()
        .map(|(i, x)| (i, x.1))
        .collect();
    let mut names = HashSet::with_capacity(ENTERPRISE_COUNT);
    let mut codes = HashSet::with_capacity(ENTERPRISE_COUNT);
    let mut out = Vec::with_capacity(ENTERPRISE_COUNT);
    for (b, &count) in per_building.iter().enumerate() {
        let floors = buildings[b].floors;
        for _ in 0..count {
            let (industry, _, words) = INDUSTRIES[*draw.weighted(&weights)];
            let name = loop {
                let candidate = company_name(draw, words);
                if names.insert(candidate.clone()) {
                    break candidate;
                }
            };
            let credit_code = loop {
                let region = if draw.chance(0.95) { YINZHOU } else { "330200" };
                let code = ids::credit_code(draw, region);
                if codes.insert(code.clone()) {
                    break code;
                }
            };
            let floor = if industry == "餐饮" || draw.chance(0.04) {
                draw.int(1, 2) as i32
            } else {
                draw.int(2, i64::from(floors)) as i32
            };
            out.push(Enterprise {
                id: draw.uuid(),
                name,
                credit_code,
                building: b,
                floor,
                industry: industry.to_string(),
            });
        }
    }
    out
}

/// Splits `total` across buildings in proportion to floors (largest remainder).
fn apportion(buildings: &[Building], total: usize) -> Vec<usize> {
    let floors: Vec<usize> = buildings.iter().map(|b| b.floors.max(1) as usize).collect();
    let sum: usize = floors.iter().sum::<usize>().max(1);
    let mut counts: Vec<usize> = floors.iter().map(|f| f * total / sum).collect();
    let mut remainders: Vec<(usize, usize)> = floors
        .iter()
        .enumerate()
        .map(|(i, f)| (f * total % sum, i))
        .collect();
    remainders.sort_by(|a, b| b.cmp(a));
    let short = total - counts.iter().sum::<usize>();
    for &(_, i) in remainders.iter().take(short) {
        counts[i] += 1;
    }
    counts
}

fn trade_name(draw: &mut Draw) -> String {
    let len = if draw.chance(0.85) { 2 } else { 3 };
    let mut name = String::new();
    while name.chars().count() < len {
        let c = *draw.pick(TRADE_CHARS);
        if !name.contains(c) {
            name.push_str(c);
        }
    }
    name
}

/// A company name in one of the usual registration patterns.
fn company_name(draw: &mut Draw, words: &[&str]) -> String {
    let brand = trade_name(draw);
    let word = *draw.pick(words);
    match draw.index(100) {
        0..=44 => format!("宁波{brand}{word}有限公司"),
        45..=61 => format!("浙江{brand}{word}有限公司"),
        62..=75 => format!("宁波市鄞州{brand}{word}有限公司"),
        76..=87 => format!("{brand}（宁波）{word}有限公司"),
        88..=91 if word == "股权投资" => format!("宁波{brand}{word}合伙企业（有限合伙）"),
        88..=91 => format!("宁波{brand}{word}股份有限公司"),
        _ => format!(
            "{}{brand}{word}有限公司宁波分公司",
            draw.pick(PARENT_CITIES)
        ),
    }
}
