//! Linking: which subject names denote the same thing, across sources and
//! scripts, with a stated reason for every link. Builds the `SubjectGraph`
//! (petgraph) that the checker groups claims by.
