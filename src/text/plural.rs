//! Counted nouns in report and message prose: `1 claim`, `3 claims`. One
//! helper for every output, so no message says "1 claims".

/// `one` for a count of 1, else `many`.
pub fn noun<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// `1 claim states`, `2 claims state`: the count and its noun phrase.
pub fn counted_as(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", noun(count, one, many))
}

/// `1 claim`, `3 claims`: a noun whose plural adds `s`.
pub fn counted(count: usize, noun: &str) -> String {
    let suffix = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(counted(1, "claim"), "1 claim");
        assert_eq!(counted(0, "claim"), "0 claims");
        assert_eq!(
            counted_as(2, "claim states", "claims state"),
            "2 claims state"
        );
        assert_eq!(noun(1, "source", "sources"), "source");
    }
}
