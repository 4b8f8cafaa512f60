//! The canonical written form of a value: `Display` prints what
//! [`super::parse_value_str`] reads back to the same [`super::Value`].
