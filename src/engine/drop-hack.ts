export const dropHack = { drop: false };
