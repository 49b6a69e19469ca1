//! The request's language from `Accept-Language`: Chinese unless English is preferred.

use http::HeaderMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn from_headers(h: &HeaderMap) -> Lang {
        let Some(v) = h
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
        else {
            return Lang::Zh;
        };
        let mut best: Option<(f32, Lang)> = None;
        for part in v.split(',') {
            let mut it = part.trim().split(';');
            let tag = it.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = it
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            let lang = if tag.starts_with("zh") {
                Lang::Zh
            } else if tag.starts_with("en") {
                Lang::En
            } else {
                continue;
            };
            if best.is_none_or(|(bq, _)| q > bq) {
                best = Some((q, lang));
            }
        }
        best.map(|b| b.1).unwrap_or(Lang::Zh)
    }

    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(v: &str) -> Lang {
        let mut h = HeaderMap::new();
        h.insert(http::header::ACCEPT_LANGUAGE, v.parse().expect("header"));
        Lang::from_headers(&h)
    }

    #[test]
    fn picks_preferred() {
        assert_eq!(Lang::from_headers(&HeaderMap::new()), Lang::Zh);
        assert_eq!(lang("en-US,en;q=0.9"), Lang::En);
        assert_eq!(lang("zh-CN,zh;q=0.9,en;q=0.8"), Lang::Zh);
        assert_eq!(lang("fr-FR, en;q=0.5"), Lang::En);
        assert_eq!(lang("en;q=0.4, zh;q=0.8"), Lang::Zh);
        assert_eq!(lang("de"), Lang::Zh);
    }
}
