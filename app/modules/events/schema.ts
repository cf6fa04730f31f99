// Tables of the events module.
export {}
