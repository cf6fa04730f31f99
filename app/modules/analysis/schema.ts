// Tables of the analysis module.
export {}
