//! The one number reader reads what the standard library's parse reads,
//! without a sign; a share in percent is rounded as a calculator rounds it.

use open_door_core::number::{decimal, hexadecimal, percent};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_whole_number_written_reads_back(n in any::<u64>()) {
        prop_assert_eq!(decimal(&n.to_string()), Some(n));
        prop_assert_eq!(decimal(&format!("000{n}")), Some(n), "leading zeros");
        prop_assert_eq!(hexadecimal(&format!("{n:x}")), Some(n));
        prop_assert_eq!(hexadecimal(&format!("{n:X}")), Some(n));
    }

    #[test]
    fn any_text_reads_as_the_standard_parse_reads_it_unsigned(text in "[0-9a-fA-F+ .-]{0,24}") {
        let unsigned = !text.starts_with('+');
        prop_assert_eq!(decimal(&text), text.parse::<u64>().ok().filter(|_| unsigned));
        prop_assert_eq!(hexadecimal(&text), u64::from_str_radix(&text, 16).ok().filter(|_| unsigned));
    }
}

#[test]
fn a_sign_a_space_nothing_or_too_many_digits_is_no_number() {
    for text in ["", "+5", "-5", " 5", "5 ", "1_000", "1.0", "18446744073709551616"] {
        assert_eq!(decimal(text), None, "{text:?}");
    }
    assert_eq!(decimal("18446744073709551615"), Some(u64::MAX));
    assert_eq!(hexadecimal("g"), None);
    assert_eq!(hexadecimal("+f"), None, "std's from_str_radix reads a plus");
}

/// Found by a student's walk: 4 of 6 on a topic was kept as a best of 66%.
#[test]
fn a_percent_is_rounded_to_the_nearest() {
    assert_eq!([percent(2, 3), percent(4, 6), percent(1, 3), percent(1, 8), percent(3, 8)], [67, 67, 33, 13, 38]);
    assert_eq!([percent(0, 5), percent(5, 5), percent(0, 0)], [0, 100, 0]);
    assert_eq!([percent(199, 200), percent(1, 201)], [99, 1], "not all right is not 100%, some right is not 0%");
}
