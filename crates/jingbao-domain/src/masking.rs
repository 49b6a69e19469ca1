//! Masking of personal data for display: ID numbers and phone numbers keep only enough
//! characters for a person to recognise them.

/// `330203199001011234` → `3302**********1234`.
pub fn mask_id_number(id: &str) -> String {
    mask_middle(id, 4, 4)
}

/// `13812345678` → `138****5678`.
pub fn mask_phone(phone: &str) -> String {
    mask_middle(phone, 3, 4)
}

fn mask_middle(s: &str, keep_head: usize, keep_tail: usize) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= keep_head + keep_tail {
        return "*".repeat(chars.len());
    }
    let mut out = String::with_capacity(s.len());
    out.extend(&chars[..keep_head]);
    out.extend(std::iter::repeat_n(
        '*',
        chars.len() - keep_head - keep_tail,
    ));
    out.extend(&chars[chars.len() - keep_tail..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(mask_id_number("330203199001011234"), "3302**********1234");
        assert_eq!(mask_phone("13812345678"), "138****5678");
        assert_eq!(mask_phone("123"), "***");
        assert_eq!(mask_phone(""), "");
    }
}
