// uuid 14 is ESM-only; exceljs requires it from CommonJS. Jest gets this shim (Node itself loads the ESM).
const { randomUUID } = require("crypto");
module.exports = { v4: () => randomUUID() };
