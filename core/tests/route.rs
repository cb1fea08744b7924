//! Which page an address shows (`route::Page::at`) and the query values pages read.

use open_door_core::route::{leads_back, query_value, Page};

#[test]
fn every_page_has_its_address() {
    let cases = [
        ("/", Page::Home),
        ("", Page::Home),
        ("/learn", Page::Learn),
        ("/learn/article-5", Page::Explainer("article-5".into())),
        ("/glossary", Page::Glossary),
        ("/quiz", Page::QuizSetup),
        ("/quiz/play", Page::Play),
        ("/sources", Page::Sources),
        ("/sources/003", Page::Source("003".into())),
        ("/classroom", Page::Classroom),
        ("/classroom/projector", Page::Projector),
        ("/classroom/print", Page::Print),
        ("/about", Page::About),
    ];
    for (path, page) in cases {
        assert_eq!(Page::at(path), page, "{path}");
    }
}

#[test]
fn a_trailing_slash_is_the_same_page() {
    assert_eq!(Page::at("/learn/"), Page::Learn);
    assert_eq!(Page::at("/quiz/play/"), Page::Play);
    assert_eq!(Page::at("/sources/003/"), Page::Source("003".into()));
    assert_eq!(Page::at("/sources/"), Page::Sources);
}

#[test]
fn anything_else_is_not_found() {
    for path in ["/nope", "/learn/a/b", "/quiz/play/more", "/classroom/x", "/Learn", "/about.html"] {
        assert_eq!(Page::at(path), Page::NotFound, "{path}");
    }
}

#[test]
fn an_id_in_the_address_is_decoded() {
    assert_eq!(Page::at("/learn/article%2D5"), Page::Explainer("article-5".into()));
    // A broken escape is kept as written: the page then says it has no such id.
    assert_eq!(Page::at("/sources/%zz"), Page::Source("%zz".into()));
}

#[test]
fn query_values_are_found_and_decoded() {
    assert_eq!(query_value("?q=003-02&x=1", "q").as_deref(), Some("003-02"));
    assert_eq!(query_value("x=1&q=a%2Cb", "q").as_deref(), Some("a,b"));
    assert_eq!(query_value("?q=first&q=second", "q").as_deref(), Some("first"));
    assert_eq!(query_value("?qq=1", "q"), None);
    assert_eq!(query_value("", "q"), None);
    assert_eq!(query_value("?q", "q").as_deref(), Some(""));
    assert_eq!(query_value("?q=%zz", "q"), None, "a broken escape is no value");
}

/// "Back to the question" on a source page goes back when the quiz is the
/// page it was opened from, though the app's link to the quiz carries its
/// check and the address the student opened may not (found by a student's
/// walk: it added a history entry, and Back opened the source page again).
#[test]
fn a_link_leads_back_to_the_same_page_whatever_the_order_of_its_query_and_its_check() {
    let opened = "/quiz/play?topics=article-5&count=4&seed=5&mode=practice";
    for to in [
        opened,
        "/quiz/play?check=WYAW&topics=article-5&count=4&seed=5&mode=practice",
        "/quiz/play?mode=practice&seed=5&count=4&topics=article-5",
    ] {
        assert!(leads_back(to, opened), "{to}");
        // Scrolled to a part of the page since (the review's entry marked).
        assert!(leads_back(to, &format!("{opened}#review-000-01")), "{to}");
    }
    for to in [
        "/quiz/play?topics=article-5&count=4&seed=6&mode=practice",
        "/quiz/play?topics=article-5&count=4&seed=5",
        "/quiz?topics=article-5&count=4&seed=5&mode=practice",
    ] {
        assert!(!leads_back(to, opened), "{to}");
    }
    // "Back to your results" names the entry whose evidence was read, for a
    // page opened afresh: from the results, going back puts the student at
    // that entry, where they followed the evidence.
    let to_the_entry = "/quiz/play?check=WYAW&topics=article-5&count=4&seed=5&mode=practice#review-000-02";
    assert!(leads_back(to_the_entry, opened));
    // A page left at another part of it: the link goes to its own.
    assert!(!leads_back(to_the_entry, &format!("{opened}#review-000-01")));
    assert!(leads_back(to_the_entry, &format!("{opened}#review-000-02")));
    assert!(leads_back("/glossary#veto", "/glossary#veto"));
    assert!(!leads_back("/glossary#veto", "/glossary#treaty"));
}
