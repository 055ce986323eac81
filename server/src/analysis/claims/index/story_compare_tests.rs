//! Unit tests of the stage rule and the evidence of one story.
use super::*;
