use open_door_core::projector::{ProjectorPlaces, REMEMBERED};

#[test]
fn each_quiz_shown_keeps_its_own_place_through_a_save() {
    let mut places = ProjectorPlaces::default();
    places.set("ids=a,b,c&seed=1&mode=practice", 3);
    places.set("ids=d,e&seed=2&mode=test", 1);
    let places = ProjectorPlaces::read(&places.write());
    assert_eq!(places.of("ids=a,b,c&seed=1&mode=practice"), 3);
    assert_eq!(places.of("ids=d,e&seed=2&mode=test"), 1);
    assert_eq!(places.of("ids=f&seed=3&mode=practice"), 0, "a quiz not shown starts at its first question");
}

#[test]
fn a_place_kept_again_replaces_the_quizs_last_and_the_oldest_go_beyond_the_most_remembered() {
    let mut places = ProjectorPlaces::default();
    // One quiz more than remembered, each at a question past its first.
    for n in 0..=REMEMBERED {
        places.set(&format!("seed={n}"), n + 1);
    }
    places.set("seed=5", 9);
    let places = ProjectorPlaces::read(&places.write());
    assert_eq!(places.of("seed=5"), 9);
    assert_eq!(places.write().lines().count(), REMEMBERED);
    assert_eq!(places.of("seed=0"), 0, "the oldest forgotten");
    assert_eq!((places.of("seed=1"), places.of(&format!("seed={REMEMBERED}"))), (2, REMEMBERED + 1));
}

#[test]
fn the_one_place_an_earlier_version_kept_and_lines_that_are_not_places_are_read_as_they_can_be() {
    // The version before kept one "key index", with no line break.
    assert_eq!(ProjectorPlaces::read("ids=a&seed=1 4").of("ids=a&seed=1"), 4);
    let places = ProjectorPlaces::read("no place here\nids=b 2\nids=c -1\n\n");
    assert_eq!(places.write(), "ids=b 2\n");
}
