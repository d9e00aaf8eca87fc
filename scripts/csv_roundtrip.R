# Checks every CSV of a `batch --out` folder against the "Column types" table of docs/csv.md with
# R's read.csv and no options: logical columns must be logical (no NA), integer columns integer
# (no NA), numeric columns numeric or integer (or all NA). Exit status 1 on any mismatch.
# Usage: Rscript csv_roundtrip.R DIR docs/csv.md
args <- commandArgs(trailingOnly = TRUE)
folder <- args[1]
doc <- readLines(args[2], encoding = "UTF-8")
start <- grep("^## Column types", doc)
rest <- doc[(start + 1):length(doc)]
stop_at <- grep("^## ", rest)
sec <- if (length(stop_at)) rest[seq_len(stop_at[1] - 1)] else rest
fail <- FALSE
checked <- 0
for (line in sec) {
  cells <- trimws(strsplit(gsub("^\\||\\|$", "", trimws(line)), "|", fixed = TRUE)[[1]])
  if (length(cells) != 4 || !startsWith(cells[1], "`")) next
  f <- gsub("`", "", cells[1])
  path <- file.path(folder, f)
  if (!file.exists(path)) {
    if (f != "compare.csv") { cat("FAIL", f, ": missing\n"); fail <- TRUE }
    next
  }
  d <- read.csv(path)
  bad <- character(0)
  kinds <- c("logical", "integer", "numeric")
  for (k in 1:3) {
    cols <- trimws(strsplit(cells[k + 1], ",")[[1]])
    cols <- cols[nzchar(cols)]
    for (c in cols) {
      if (!(c %in% names(d))) { bad <- c(bad, paste(c, "not a column")); next }
      v <- d[[c]]
      cl <- class(v)
      ok <- switch(kinds[k],
        logical = is.logical(v) && !anyNA(v),
        integer = is.integer(v) && !anyNA(v),
        numeric = is.numeric(v) || all(is.na(v)))
      if (!ok) bad <- c(bad, paste0(c, ": ", cl, ", expected ", kinds[k]))
    }
  }
  checked <- checked + 1
  if (length(bad)) {
    fail <- TRUE
    cat("FAIL", f, ":", paste(bad, collapse = "; "), "\n")
  } else {
    cat("ok  ", f, ":", nrow(d), "rows\n")
  }
}
if (checked == 0) { cat("FAIL: no table checked\n"); fail <- TRUE }
quit(status = if (fail) 1 else 0)
