//! Page furniture that scraped articles carry: menus, "Other News" blocks,
//! share prompts, comment forms, author blurbs, unrelated teasers. None of it
//! may produce entities or claims.
//!
//! Two kinds of rule, both about the *shape* of page furniture, never about
//! a particular site:
//! - a *tail marker* ("Other News", "Related Articles", "More from author",
//!   "end of message") starts a region that runs to the end of the file:
//!   what follows such a heading on a news page is never the article;
//! - a *furniture line* (share prompts, "Read more", "Leave a Reply", short
//!   menu lines such as "USA News") is boilerplate on its own.
use regex::Regex;
use std::sync::LazyLock;

static TAIL_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^\s*(?:
            other\s+news | more\s+news | latest\s+news | related\s+(?:articles|news|posts|stories|content)
          | more\s+from\s+(?:the\s+)?(?:author|this\s+author|section) | more\s+(?:stories|articles)
          | read\s+also | see\s+also | you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)
          | recommended(?:\s+for\s+you)? | most\s+(?:read|popular|viewed) | popular\s+(?:now|news|articles)
          | trending(?:\s+now)? | top\s+stories | editor'?s\s+picks? | don't\s+miss | also\s+read
          | end\s+of\s+(?:message|article|story)\s*/? | leave\s+a\s+(?:reply|comment) | comments?\s*\(\d*\)
          | (?:\d+\s+)?comments | about\s+the\s+author | share\s+this\s+(?:article|story)
        )\s*[:./-]?\s*$",
    )
    .unwrap()
});

static FURNITURE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?xi)^\s*(?:
            read\s+(?:more|news|us|the\s+latest)\b.* | (?:follow|subscribe\s+to|join)\s+us\b.*
          | share\s+(?:on|this|via)\b.* | (?:only\s+)?verified\s+information\s+on\s+our\b.*
          | do\s+not\s+fall\s+for\s+fakes.* | your\s+email\s+address\s+will\s+not\s+be\s+published.*
          | required\s+fields\s+are\s+marked.* | back\s+to\s+top.* | skip\s+to\s+(?:content|main).*
          | (?:advertisement|advertising|sponsored(?:\s+content)?|ad)\s*
          | what\s+are\s+you\s+thinking\s*\?? | (?:log\s*in|sign\s+in|sign\s+up|register|subscribe|search|menu|home)\s*
          | all\s+rights\s+reserved.* | ©.* | copyright\b.{0,80} | cookies?\s+(?:policy|settings).*
          | print\s*(?:this)?\s*(?:article)? | tags?\s*:.* | <!--.*
        )\s*$",
    )
    .unwrap()
});

/// Words that make a short line a menu/section label ("USA News", "MainNews -").
const NAV_WORDS: &[&str] = &[
    "news",
    "mainnews",
    "home",
    "menu",
    "world",
    "politics",
    "sport",
    "sports",
    "business",
    "opinion",
    "video",
    "videos",
    "economy",
    "culture",
    "society",
    "lifestyle",
    "tech",
    "technology",
    "entertainment",
    "health",
    "science",
    "latest",
    "breaking",
    "live",
    "section",
];

static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:photo|image|video|picture|illustration|credit|source)s?\s*:.{0,100}$")
        .unwrap()
});

/// A caption or credit line ("Photo: OPU", "Image: Nick Moreau"): names in
/// it are real entities, but it asserts nothing.
pub fn is_credit_line(line: &str) -> bool {
    CREDIT_LINE.is_match(line.trim())
}

/// Is this whole line page furniture?
pub fn is_furniture_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    FURNITURE_LINE.is_match(t)
}

/// A short line with no sentence punctuation made of section labels. Only
/// meaningful above the headline: "Fox News" alone further down is a name.
pub fn is_menu_line(t: &str) -> bool {
    if t.ends_with(['.', '?', '!', '"', '”', ':']) || t.contains(',') {
        return false;
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '-' || c == '|' || c == '/' || c == '•')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 4 {
        return false;
    }
    let nav = words
        .iter()
        .filter(|w| NAV_WORDS.contains(&w.to_lowercase().as_str()))
        .count();
    nav >= 1 && nav * 2 >= words.len()
}

/// Does this line open a tail of unrelated material?
pub fn is_tail_marker(line: &str) -> bool {
    TAIL_MARKER.is_match(line.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_page_furniture() {
        for l in [
            "Other News",
            "More from author",
            "Related Articles",
            "end of message/",
            "Leave a Reply",
        ] {
            assert!(is_tail_marker(l), "{l}");
        }
        for l in [
            "Read news on social networks Facebook, Twitter and Telegram",
            "Only verified information on our Telegram channel OBOZ.UA and Viber. Do not fall for fakes!",
            "Your email address will not be published. Required fields are marked *",
            "Back to top button",
            "What are you thinking?",
        ] {
            assert!(is_furniture_line(l), "{l}");
        }
        for l in [
            "NATO may lead coordination of arms supplies to Ukraine",
            "Jens Stoltenberg",
            "The news was reported by Reuters.",
            "Fox News",
        ] {
            assert!(!is_furniture_line(l) && !is_tail_marker(l), "{l}");
        }
        assert!(is_menu_line("USA News") && is_menu_line("MainNews -"));
        assert!(is_credit_line("Photo: OPU") && is_credit_line("Image : Nick Moreau ."));
        assert!(!is_menu_line("NATO is preparing for Trump's re-election"));
    }
}
