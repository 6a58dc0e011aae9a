//! The budget report in every format.
