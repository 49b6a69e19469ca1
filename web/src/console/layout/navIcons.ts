// Icon for each navigation key.
import type { Component } from 'vue';
import {
  HomeFilled, MapLocation, Position, Document, Promotion, BellFilled, ChatDotRound, Reading,
  Trophy, DataAnalysis, WarningFilled, Connection, OfficeBuilding, Setting, Share, School,
  Location, User, Suitcase, UserFilled, Monitor, Tickets,
} from '@element-plus/icons-vue';

export const NAV_ICONS: Record<string, Component> = {
  home: HomeFilled,
  map: MapLocation,
  patrol: Position,
  reports: Document,
  directives: Promotion,
  alarms: BellFilled,
  mediation: ChatDotRound,
  training: Reading,
  points: Trophy,
  stats: DataAnalysis,
  risk: WarningFilled,
  cases: Connection,
  org: OfficeBuilding,
  'org-tree': Share,
  buildings: School,
  checkpoints: Location,
  guards: User,
  companies: Suitcase,
  system: Setting,
  users: UserFilled,
  sessions: Monitor,
  audit: Tickets,
};
