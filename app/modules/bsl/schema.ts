// Tables of the bsl module.
export {}
