// Tables of the comments module.
export {}
