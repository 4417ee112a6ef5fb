/**
 * Who gets demo access: the story's EMS company and the automation integrator that answers its need (so a demo
 * can be run from both sides of the match), and one bureau staff member who runs the sessions.
 */
import { STORY } from './story.js';
import type { SeedCredentials } from './types.js';

export const DEMO_CREDENTIALS: SeedCredentials = {
  apiKeys: [
    { companyKey: STORY.ems, label: '演示：京联智造电子（EMS，寻找国内客户与产线自动化）' },
    { companyKey: STORY.integrator, label: '演示：亦智自动化（自动化系统集成商）' },
  ],
  users: [
    {
      key: 'staff-zhangming',
      name: '张明',
      role: 'staff',
      email: 'zhangming@bureau.example.com',
      title: '经济发展局企业服务处产业促进专员',
    },
  ],
};
