// Wire shapes from docs/API.md. Kept by hand until the OpenAPI-generated types land.
import type { FeatureCollection, Polygon } from 'geojson';

export type RoleCode =
  | 'command_officer'
  | 'guard'
  | 'unit_manager'
  | 'department_handler'
  | 'district_office'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

export interface Me {
  id: string;
  username: string;
  display_name: string;
  roles: RoleCode[];
  org_unit_id: string | null;
  org_unit_name: string | null;
  department_id: string | null;
  guard_id: string | null;
  must_change_password: boolean;
  must_enroll_totp: boolean;
  session_kind: 'console' | 'guard' | 'display' | 'api';
  csrf_token?: string;
  permissions: string[];
}

export interface LoginResponse {
  user: Me;
  csrf_token: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  page_size: number;
}

export interface ErrorDetail {
  field?: string;
  row?: number;
  column?: string;
  code: string;
  message: string;
}

export interface ErrorBody {
  code: string;
  message: string;
  request_id?: string;
  details?: ErrorDetail[];
}

export type OrgKind = 'bureau' | 'station' | 'police_room' | 'grid' | 'unit' | 'department';

export interface OrgUnit {
  id: string;
  parent_id: string | null;
  kind: OrgKind;
  name: string;
  code: string;
  boundary?: Polygon | null;
  building_ids: string[];
  created_at: string;
  updated_at: string;
}

export interface OrgTreeNode {
  id: string;
  kind: OrgKind;
  name: string;
  code: string;
  children: OrgTreeNode[];
}

export interface Building {
  id: string;
  name: string;
  code?: string;
  grid_id: string;
  phase: string | number | null;
  address: string;
  height_m: number;
  floors: number;
  footprint: Polygon;
  center: { lat: number; lon: number };
  unit_ids: string[];
}

export interface Checkpoint {
  id: string;
  name: string;
  code?: string;
  building_id: string;
  unit_id: string;
  post_id?: string | null;
  lat: number;
  lon: number;
  radius_m: number;
  floor: number | null;
  indoor: boolean;
}

export interface Guard {
  id: string;
  name: string;
  gender: string;
  id_number: string;
  phone: string;
  licence_no: string;
  licence_expiry: string | null;
  employer_company_id: string | null;
  employer_company_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  post_id: string | null;
  grid_id: string | null;
  user_id: string | null;
  username: string | null;
  status: 'active' | 'inactive';
  team_leader?: boolean;
}

export type CompanyKind = 'enterprise' | 'property' | 'security';

export interface Company {
  id: string;
  name: string;
  kind: CompanyKind;
  credit_code: string;
  building_id: string | null;
  building_name: string | null;
  floor: number | string | null;
  industry: string | null;
}

export interface User {
  id: string;
  username: string;
  display_name: string;
  roles: RoleCode[];
  org_unit_id: string | null;
  department_id: string | null;
  guard_id: string | null;
  disabled: boolean;
  must_change_password: boolean;
  totp_enabled: boolean;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
}

export interface Role {
  code: RoleCode;
  name_zh?: string;
  name_en?: string;
  scope?: string;
  admin?: boolean;
  permissions?: string[];
}

export interface AuditRecord {
  seq: number;
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  result: 'ok' | 'denied' | 'failed';
  request_id: string | null;
  detail: unknown;
}

/** The contract names the list but not the fields; every field is read defensively. */
export interface Session {
  id: string;
  user_id?: string;
  username?: string;
  kind?: string;
  ip?: string | null;
  user_agent?: string | null;
  created_at?: string;
  last_seen_at?: string | null;
  expires_at?: string | null;
  current?: boolean;
}

export interface MapBase {
  center: { lat: number; lon: number };
  bounds: [number, number, number, number];
  buildings: FeatureCollection<Polygon, BuildingProps>;
  grids: FeatureCollection<Polygon, { id: string; name: string }>;
}

export interface BuildingProps {
  id: string;
  name: string;
  height_m: number;
  floors: number;
  grid_id: string;
  phase: string | number | null;
}

export interface TotpSetup {
  secret: string;
  otpauth_url: string;
}
