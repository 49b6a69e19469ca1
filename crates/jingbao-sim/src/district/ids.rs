//! Identifier formats with check characters: PRC resident identity numbers
//! (GB 11643, ISO 7064 MOD 11-2), organisation codes (GB 11714) and unified social
//! credit codes (GB 32100-2015), plus mainland mobile numbers.

use super::rng::Draw;

/// The 31 characters allowed in a unified social credit code, in value order.
pub(crate) const USCC_ALPHABET: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

const DIGITS: &[u8] = b"0123456789";

/// Check character of an 18-character resident identity number from its first 17 digits.
pub(crate) fn resident_id_check(first17: &str) -> char {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECKS: &[u8; 11] = b"10X98765432";
    let sum: u32 = first17
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
        .sum();
    char::from(CHECKS[(sum % 11) as usize])
}

/// Check character of a 9-character organisation code from its first 8 characters.
pub(crate) fn org_code_check(first8: &str) -> char {
    const WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first8
        .chars()
        .zip(WEIGHTS)
        .map(|(c, w)| c.to_digit(36).unwrap_or(0) * w)
        .sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).unwrap_or('0'),
    }
}

/// Check character of an 18-character unified social credit code from its first 17.
pub(crate) fn credit_code_check(first17: &str) -> char {
    let mut weight = 1u32;
    let mut sum = 0u32;
    for c in first17.bytes() {
        let value = USCC_ALPHABET.iter().position(|&a| a == c).unwrap_or(0) as u32;
        sum += value * weight;
        weight = weight * 3 % 31;
    }
    let check = (31 - sum % 31) % 31;
    char::from(USCC_ALPHABET[check as usize])
}

/// A fictitious resident identity number: region, birth date, sequence (odd for men,
/// even for women) and check character.
pub(crate) fn resident_id(
    draw: &mut Draw,
    region: &str,
    birth: (i32, u32, u32),
    male: bool,
) -> String {
    let (y, m, d) = birth;
    let order = draw.int(0, 99);
    let parity_digit = 2 * draw.int(0, 4) + i64::from(male);
    let first17 = format!("{region}{y:04}{m:02}{d:02}{order:02}{parity_digit}");
    let check = resident_id_check(&first17);
    format!("{first17}{check}")
}

/// A 9-character organisation code: either a post-2015 "MA…" registration code or an
/// older all-digit code, with its GB 11714 check character.
fn org_code(draw: &mut Draw) -> String {
    let body = if draw.chance(0.72) {
        format!("MA2{}", draw.chars_from(USCC_ALPHABET, 5))
    } else {
        let lead = draw.pick(b"3567");
        format!("{}{}", char::from(*lead), draw.chars_from(DIGITS, 7))
    };
    let check = org_code_check(&body);
    format!("{body}{check}")
}

/// A unified social credit code of an enterprise (登记管理部门 9, 类别 1) registered
/// in `region`.
pub(crate) fn credit_code(draw: &mut Draw, region: &str) -> String {
    let first17 = format!("91{region}{}", org_code(draw));
    let check = credit_code_check(&first17);
    format!("{first17}{check}")
}

/// An 11-digit mainland mobile number with a real carrier prefix.
pub(crate) fn mobile(draw: &mut Draw) -> String {
    const PREFIXES: [&str; 30] = [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
        "155", "157", "158", "159", "173", "175", "176", "177", "180", "181", "182", "183", "186",
        "187", "188", "189", "199",
    ];
    let prefix = draw.pick(&PREFIXES);
    format!("{prefix}{}", draw.chars_from(DIGITS, 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resident_id_check_matches_the_published_example() {
        // Example from the GB 11643 annex.
        assert_eq!(resident_id_check("11010519491231002"), 'X');
    }

    #[test]
    fn org_code_check_matches_a_known_code() {
        // D2143569-X style worked example: 8 chars then check.
        assert_eq!(org_code_check("D2143569"), 'X');
    }

    #[test]
    fn credit_code_check_matches_a_known_code() {
        assert_eq!(credit_code_check("91350100M000100Y4"), '3');
    }
}
