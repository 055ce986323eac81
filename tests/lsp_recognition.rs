//! Recognition as an editor sees it, over stdio: a name written in full in
//! one file is recognised in another file's all-caps headline and linked
//! (references across files); a sports report's countries are teams and a
//! place inside a company's name is no place (semantic tokens' types).
mod support;

use serde_json::json;
use support::*;

#[test]
fn folder_names_reach_headlines_and_link_across_files() {
    let (_tmp, root) = copy_corpus("ner-folder");
    let (mut c, _) = start(&root, json!({}), json!({}));
    let enc = Enc::Utf16;
    let (u, t) = doc(&root, "d_headline");
    // "TALLOWBY" in the all-caps headline is the owner named in full in
    // a_profile.txt: its references span the three files that name him.
    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": u}, "position": pos_of(&t, "TALLOWBY", 0, 1, enc), "context": {"includeDeclaration": true}}),
    );
    let mut files: Vec<String> = refs
        .as_array()
        .unwrap_or_else(|| panic!("{refs}"))
        .iter()
        .map(|l| {
            l["uri"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    files.sort();
    files.dedup();
    assert_eq!(
        files,
        ["a_profile.txt", "b_followup.txt", "d_headline.txt"],
        "{refs}"
    );
    // The one-word company recurs in every file and is one symbol.
    let s = c.call("workspace/symbol", json!({"query": "kestrelline"}));
    assert_eq!(s.as_array().map(Vec::len), Some(1), "{s}");
    assert_eq!(s[0]["name"], "Kestrelline");
    // Written in capitals, "DEFENDS" and "CLOSURE" are not names.
    let s = c.call("workspace/symbol", json!({"query": "closure"}));
    assert_eq!(s, json!([]));
    assert!(c.shutdown_exit().success());
}

#[test]
fn teams_and_companies_are_coloured_as_organisations() {
    let (_tmp, root) = copy_corpus("ner-sports");
    let (mut c, init) = start(&root, json!({}), json!({}));
    let legend: Vec<String> = init["capabilities"]["semanticTokensProvider"]["legend"]
        ["tokenTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    let (u, t) = doc(&root, "a_match");
    let toks = c.call(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": u}}),
    );
    let decoded = decode_tokens(toks["data"].as_array().unwrap());
    let lines: Vec<&str> = t.lines().collect();
    let typed: Vec<(String, String)> = decoded
        .iter()
        .map(|&(line, col, len, ty)| {
            let l: Vec<u16> = lines[line as usize].encode_utf16().collect();
            let word = String::from_utf16(&l[col as usize..(col + len) as usize]).unwrap();
            (word, legend[ty as usize].clone())
        })
        .collect();
    let kind_of = |w: &str| {
        typed
            .iter()
            .filter(|(x, _)| x == w)
            .map(|(_, k)| k.as_str())
            .collect::<Vec<_>>()
    };
    assert!(
        kind_of("Portugal").iter().all(|k| *k == "organization"),
        "{typed:?}"
    );
    assert_eq!(kind_of("Qatar"), ["location"], "{typed:?}");
    assert_eq!(kind_of("Springfield Hawks"), ["organization"], "{typed:?}");
    assert!(c.shutdown_exit().success());
}
