//! Text normalisation shared by quote matching and subject linking (Arabic
//! and Latin), and quote location in source documents.

pub mod normalize;
pub mod plural;
pub mod quote;
