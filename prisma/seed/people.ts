/** The demo accounts: one or more per role, with their unit and district. */
import type { Role } from "@prisma/client";

export type UserDef = { username: string; displayName: string; role: Role; unit: string; district?: string; phone: string };

export const USERS: readonly UserDef[] = [
  { username: "admin", displayName: "周立新", role: "ADMIN", unit: "DIV-OFFICE", phone: "0510-81821001" },
  // 局长
  { username: "leader", displayName: "顾志远", role: "LEADER", unit: "BUREAU", phone: "0510-81821002" },
  // 副局长 (water, soil, ecology) and 副局长 (air, waste, risk)
  { username: "leader2", displayName: "华明亮", role: "LEADER", unit: "BUREAU", phone: "0510-81821003" },
  { username: "leader3", displayName: "秦晓梅", role: "LEADER", unit: "BUREAU", phone: "0510-81821004" },
  { username: "coordinator", displayName: "沈佳怡", role: "COORDINATOR", unit: "DIV-GENERAL", phone: "0510-81821011" },
  { username: "division", displayName: "陆海峰", role: "DIVISION_HEAD", unit: "DIV-WATER", phone: "0510-81821021" },
  { username: "division-air", displayName: "蒋文涛", role: "DIVISION_HEAD", unit: "DIV-AIR", phone: "0510-81821022" },
  { username: "division-soil", displayName: "缪红英", role: "DIVISION_HEAD", unit: "DIV-SOIL", phone: "0510-81821023" },
  {
    username: "field-jiangyin",
    displayName: "徐卫东",
    role: "FIELD_OFFICER",
    unit: "AG-320281",
    district: "320281",
    phone: "0510-86861031",
  },
  {
    username: "field-yixing",
    displayName: "吴志刚",
    role: "FIELD_OFFICER",
    unit: "AG-320282",
    district: "320282",
    phone: "0510-87981032",
  },
  {
    username: "field-liangxi",
    displayName: "孙晓燕",
    role: "FIELD_OFFICER",
    unit: "AG-320213",
    district: "320213",
    phone: "0510-82701033",
  },
  { username: "viewer", displayName: "过建平", role: "VIEWER", unit: "DIV-DISCIPLINE", phone: "0510-81821041" },
];
