//! The organisation around the towers: the police chain (分局 → 派出所 → 警务室), the
//! four grids, the partner departments, the property and security companies, and the
//! staff accounts (police, district office, department handlers, the three admins).

use super::ids;
use super::layout;
use super::model::{
    CompanyKind, Department, Grid, NamedUnit, ServiceCompany, StaffAccount, StaffRole,
};
use super::names::NameBook;
use super::rng::Draw;
use super::streets::grid_rect;

/// Administrative division code of Yinzhou District, Ningbo.
pub(crate) const YINZHOU: &str = "330212";

/// Auxiliary officers (辅警) at the police room.
pub const AUXILIARY_COUNT: usize = 18;

/// The police chain: bureau, station and police room.
pub(crate) fn police_chain(draw: &mut Draw) -> (NamedUnit, NamedUnit, NamedUnit) {
    let mut unit = |name: &str, code: &str| NamedUnit {
        id: draw.uuid(),
        name: name.to_string(),
        code: code.to_string(),
    };
    (
        unit("宁波市公安局鄞州分局", "330212000000"),
        unit("宁波市公安局鄞州分局首南派出所", "330212510000"),
        unit("南商警务室", "330212510100"),
    )
}

/// The four grid quadrants, split by 天童南路 and 首南中路.
pub(crate) fn grids(draw: &mut Draw) -> Vec<Grid> {
    const NAMES: [&str; 4] = [
        "南商第一网格（西北片）",
        "南商第二网格（东北片）",
        "南商第三网格（西南片）",
        "南商第四网格（东南片）",
    ];
    NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| Grid {
            id: draw.uuid(),
            name: (*name).to_string(),
            code: format!("G{}", i + 1),
            boundary: layout::ring_to_lonlat(&grid_rect(i).ring()),
        })
        .collect()
}

/// Departments that receive cases routed from the platform, with their stable codes.
pub(crate) const DEPARTMENTS: [(&str, &str); 7] = [
    ("market", "鄞州区市场监督管理局南商所"),
    ("finance", "鄞州区金融办"),
    ("fire", "鄞州区消防救援大队"),
    ("housing", "鄞州区住建局"),
    ("labour", "鄞州区人社局劳动监察大队"),
    ("tax", "鄞州区税务局南商税务所"),
    ("governance", "首南街道综治中心"),
];

pub(crate) fn departments(draw: &mut Draw) -> Vec<Department> {
    DEPARTMENTS
        .iter()
        .map(|(code, name)| Department {
            id: draw.uuid(),
            name: (*name).to_string(),
            code: (*code).to_string(),
        })
        .collect()
}

const PROPERTY_FIRMS: [&str; 6] = [
    "宁波南商物业服务有限公司",
    "浙江甬城物业管理有限公司",
    "宁波鄞信物业服务有限公司",
    "浙江东湖物业管理有限公司",
    "宁波金港物业服务有限公司",
    "浙江明州物业管理有限公司",
];

const SECURITY_FIRMS: [&str; 4] = [
    "宁波市鄞州安保服务有限公司",
    "浙江安泰保安服务有限公司",
    "宁波甬盾保安服务有限公司",
    "浙江卫宁保安服务有限公司",
];

/// Property companies in the district.
pub const PROPERTY_COMPANIES: usize = 4;
/// Security companies in the district.
pub const SECURITY_COMPANIES: usize = 2;

/// Four property companies followed by two security companies.
pub(crate) fn companies(draw: &mut Draw) -> Vec<ServiceCompany> {
    let mut property = PROPERTY_FIRMS.to_vec();
    let mut security = SECURITY_FIRMS.to_vec();
    draw.shuffle(&mut property);
    draw.shuffle(&mut security);
    let chosen = property
        .into_iter()
        .take(PROPERTY_COMPANIES)
        .map(|n| (n, CompanyKind::Property))
        .chain(
            security
                .into_iter()
                .take(SECURITY_COMPANIES)
                .map(|n| (n, CompanyKind::Security)),
        );
    chosen
        .map(|(name, kind)| ServiceCompany {
            id: draw.uuid(),
            name: name.to_string(),
            kind,
            credit_code: ids::credit_code(draw, YINZHOU),
        })
        .collect()
}

/// Non-guard accounts: `officer`, `officer02`, `aux01`…`aux18`, `office`, one
/// `dept-<code>` per department, then `admin`, `secadmin` and `auditor`.
pub(crate) fn staff(
    draw: &mut Draw,
    book: &mut NameBook,
    departments: &[Department],
) -> Vec<StaffAccount> {
    let mut out = Vec::new();
    let mut person = |draw: &mut Draw, username: String, role, department, female_share| {
        let male = !draw.chance(female_share);
        StaffAccount {
            username,
            name: book.person(draw, male),
            role,
            department,
        }
    };
    for username in ["officer", "officer02"] {
        out.push(person(
            draw,
            username.to_string(),
            StaffRole::CommandOfficer,
            None,
            0.1,
        ));
    }
    for i in 1..=AUXILIARY_COUNT {
        out.push(person(
            draw,
            format!("aux{i:02}"),
            StaffRole::Auxiliary,
            None,
            0.25,
        ));
    }
    out.push(person(
        draw,
        "office".to_string(),
        StaffRole::DistrictOffice,
        None,
        0.5,
    ));
    for (i, dept) in departments.iter().enumerate() {
        let username = format!("dept-{}", dept.code);
        out.push(person(
            draw,
            username,
            StaffRole::DepartmentHandler,
            Some(i),
            0.4,
        ));
    }
    for (username, name, role) in [
        ("admin", "系统管理员", StaffRole::SystemAdmin),
        ("secadmin", "安全管理员", StaffRole::SecurityAdmin),
        ("auditor", "审计管理员", StaffRole::AuditAdmin),
    ] {
        out.push(StaffAccount {
            username: username.to_string(),
            name: name.to_string(),
            role,
            department: None,
        });
    }
    out
}
