//! Dateline: turns a folder of news articles about a conflict into one linked picture.
