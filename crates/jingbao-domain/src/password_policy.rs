//! The password policy: at least 12 characters, three of the four character classes, and
//! not containing the username.

use serde::Serialize;

/// Why a password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordProblem {
    TooShort,
    TooFewClasses,
    ContainsUsername,
    TooLong,
}

impl PasswordProblem {
    pub fn code(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password_too_short",
            PasswordProblem::TooFewClasses => "password_too_simple",
            PasswordProblem::ContainsUsername => "password_contains_username",
            PasswordProblem::TooLong => "password_too_long",
        }
    }

    pub fn message_zh(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "密码至少 12 个字符",
            PasswordProblem::TooFewClasses => {
                "密码须包含大写字母、小写字母、数字、符号中的至少三类"
            }
            PasswordProblem::ContainsUsername => "密码不得包含用户名",
            PasswordProblem::TooLong => "密码不得超过 128 个字符",
        }
    }

    pub fn message_en(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "The password needs at least 12 characters",
            PasswordProblem::TooFewClasses => {
                "The password needs three of: upper case, lower case, digits, symbols"
            }
            PasswordProblem::ContainsUsername => "The password must not contain the username",
            PasswordProblem::TooLong => "The password must not exceed 128 characters",
        }
    }
}

pub const MIN_LEN: usize = 12;
pub const MAX_LEN: usize = 128;

/// Checks a password against the policy; returns the first problem found.
pub fn check(username: &str, password: &str) -> Result<(), PasswordProblem> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(PasswordProblem::TooShort);
    }
    if len > MAX_LEN {
        return Err(PasswordProblem::TooLong);
    }
    let lower = password.chars().any(|c| c.is_lowercase());
    let upper = password.chars().any(|c| c.is_uppercase());
    let digit = password.chars().any(|c| c.is_ascii_digit());
    let symbol = password.chars().any(|c| !c.is_alphanumeric());
    let classes = [lower, upper, digit, symbol].iter().filter(|b| **b).count();
    if classes < 3 {
        return Err(PasswordProblem::TooFewClasses);
    }
    let user = username.trim().to_lowercase();
    if !user.is_empty() && password.to_lowercase().contains(&user) {
        return Err(PasswordProblem::ContainsUsername);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert_eq!(check("bob", "Short1!"), Err(PasswordProblem::TooShort));
        assert_eq!(
            check("bob", "alllowercaseletters"),
            Err(PasswordProblem::TooFewClasses)
        );
        assert_eq!(
            check("bob", "lowercase12345"),
            Err(PasswordProblem::TooFewClasses)
        );
        assert_eq!(
            check("officer", "xOFFICERx-2026"),
            Err(PasswordProblem::ContainsUsername)
        );
        assert_eq!(
            check("bob", &"Aa1!".repeat(40)),
            Err(PasswordProblem::TooLong)
        );
        assert!(check("bob", "lowercase1234!").is_ok());
        assert!(check("bob", "Correct-Horse-9").is_ok());
        assert!(check("bob", "警保联动平台Abc123").is_ok());
    }
}
