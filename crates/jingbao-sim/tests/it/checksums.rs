//! Check characters of identity numbers and credit codes, written here from the
//! standards rather than taken from the generator; plus phone and licence formats.

use std::collections::HashSet;

use jingbao_sim::Gender;

use super::districts;

/// GB 11643 / ISO 7064 MOD 11-2.
fn id_number_valid(id: &str) -> bool {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() != 18 || !chars[..17].iter().all(|c| c.is_ascii_digit()) {
        return false;
    }
    // Weight of position i (from the left, i = 0..17) is 2^(17 - i) mod 11.
    let mut sum = 0u32;
    for (i, c) in chars[..17].iter().enumerate() {
        let weight = (1u32 << (17 - i)) % 11;
        sum += c.to_digit(10).unwrap_or(99) * weight;
    }
    let check = (12 - sum % 11) % 11;
    let expected = if check == 10 {
        'X'
    } else {
        char::from_digit(check, 10).unwrap_or('?')
    };
    chars[17] == expected
}

/// GB 32100-2015, including the embedded GB 11714 organisation code.
fn credit_code_valid(code: &str) -> bool {
    const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    const WEIGHTS: [u32; 17] = [
        1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
    ];
    let values: Option<Vec<u32>> = code
        .chars()
        .map(|c| ALPHABET.find(c).map(|v| v as u32))
        .collect();
    let Some(values) = values else { return false };
    if values.len() != 18 {
        return false;
    }
    let sum: u32 = values[..17].iter().zip(WEIGHTS).map(|(v, w)| v * w).sum();
    if (31 - sum % 31) % 31 != values[17] {
        return false;
    }
    let org: Vec<char> = code[8..17].chars().collect();
    let org_sum: u32 = org[..8]
        .iter()
        .zip([3, 7, 9, 10, 5, 8, 4, 2])
        .map(|(c, w)| c.to_digit(36).unwrap_or(99) * w)
        .sum();
    let org_check = match 11 - org_sum % 11 {
        11 => '0',
        10 => 'X',
        n => char::from_digit(n, 10).unwrap_or('?'),
    };
    org[8] == org_check
}

#[test]
fn checksum_helpers_know_published_examples() {
    assert!(id_number_valid("11010519491231002X"));
    assert!(!id_number_valid("110105194912310021"));
    assert!(credit_code_valid("91350100M000100Y43"));
    assert!(!credit_code_valid("91350100M000100Y44"));
}

#[test]
fn guard_id_numbers_are_valid_zhejiang_and_match_age_and_gender() {
    for d in districts() {
        let mut seen = HashSet::new();
        for g in &d.guards {
            assert!(
                id_number_valid(&g.id_number),
                "{} {}",
                g.username,
                g.id_number
            );
            assert!(g.id_number.starts_with("33"), "{}", g.id_number);
            assert!(seen.insert(&g.id_number));
            let year: i32 = g.id_number[6..10].parse().expect("year");
            let month: u32 = g.id_number[10..12].parse().expect("month");
            let day: u32 = g.id_number[12..14].parse().expect("day");
            assert!((1..=12).contains(&month) && (1..=31).contains(&day));
            // Age on 2026-11-01.
            let age = 2026 - year - i32::from((month, day) > (11, 1));
            assert!((22..=60).contains(&age), "{} is {age}", g.username);
            let odd = g.id_number[16..17].parse::<u32>().expect("digit") % 2 == 1;
            assert_eq!(odd, g.gender == Gender::Male, "{}", g.username);
        }
    }
}

#[test]
fn credit_codes_are_valid_and_unique() {
    for d in districts() {
        let codes: Vec<&str> = d
            .companies
            .iter()
            .map(|c| c.credit_code.as_str())
            .chain(d.enterprises.iter().map(|e| e.credit_code.as_str()))
            .collect();
        for code in &codes {
            assert!(credit_code_valid(code), "{code}");
            assert!(code.starts_with("9133"), "{code}");
        }
        let unique: HashSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), codes.len());
    }
}

#[test]
fn phones_are_unique_mainland_mobiles() {
    for d in districts() {
        let mut seen = HashSet::new();
        for g in &d.guards {
            assert_eq!(g.phone.len(), 11);
            assert!(g.phone.chars().all(|c| c.is_ascii_digit()));
            assert!(
                ["13", "15", "17", "18", "19"].contains(&&g.phone[..2]),
                "{}",
                g.phone
            );
            assert!(seen.insert(&g.phone));
        }
    }
}

#[test]
fn licences_are_formatted_and_mostly_current() {
    for d in districts() {
        let guards = &d.guards;
        let mut expired = 0;
        let mut numbers = HashSet::new();
        for g in guards {
            let serial = g
                .licence_no
                .strip_prefix("浙保证字")
                .expect("licence prefix");
            assert_eq!(serial.len(), 10);
            assert!(serial.chars().all(|c| c.is_ascii_digit()));
            assert!(numbers.insert(&g.licence_no));
            let (y, m, d) = g.licence_expiry;
            assert!((2026..=2029).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d));
            if (y, m, d) < (2026, 11, 1) {
                expired += 1;
            }
        }
        assert!(expired >= 1, "no expired licences");
        assert!(
            expired * 10 < guards.len(),
            "{expired} expired is more than a few"
        );
        let years: HashSet<_> = guards.iter().map(|g| g.licence_expiry.0).collect();
        assert!(years.len() >= 3);
    }
}
