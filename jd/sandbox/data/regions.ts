/**
 * Shipping destinations spanning every JD support office region (JD's helpline directory: Los Angeles US&CA,
 * London UK&EU, Frankfurt DE&central Europe, Singapore SE Asia, Tokyo, Seoul, São Paulo LATAM,
 * Dubai UAE&GCC, Johannesburg, plus China domestic), with local names for consignees.
 */
export interface Destination {
  countryCode: string;
  province: string;
  city: string;
  county: string;
  streets: readonly string[];
  /** Mobile number shape; each # becomes a digit. */
  phone: string;
  givenNames: readonly string[];
  familyNames: readonly string[];
  /** Family name first (CJK convention). */
  familyFirst?: boolean;
}

const WESTERN_GIVEN = ['Emma', 'Liam', 'Olivia', 'Noah', 'Sophia', 'Lucas', 'Mia', 'Ethan'] as const;

export const DESTINATIONS: readonly Destination[] = [
  { countryCode: 'CN', province: '北京', city: '北京市', county: '朝阳区', streets: ['建国路88号', '望京街10号'], phone: '13#########', givenNames: ['伟', '芳', '娜', '敏', '静', '磊', '洋', '婷'], familyNames: ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'], familyFirst: true },
  { countryCode: 'CN', province: '上海', city: '上海市', county: '浦东新区', streets: ['世纪大道100号', '张江路58号'], phone: '15#########', givenNames: ['丽', '强', '军', '杰', '霞', '涛'], familyNames: ['周', '吴', '徐', '孙', '胡', '朱'], familyFirst: true },
  { countryCode: 'CN', province: '广东', city: '深圳市', county: '南山区', streets: ['科技园路1号', '深南大道9000号'], phone: '18#########', givenNames: ['明', '华', '红', '平', '刚'], familyNames: ['郭', '何', '高', '林', '罗'], familyFirst: true },
  { countryCode: 'HK', province: 'Hong Kong', city: 'Hong Kong', county: 'Central', streets: ['8 Finance Street', '18 Queen\'s Road'], phone: '+852 9### ####', givenNames: ['Ka Ming', 'Wing Yan', 'Chi Keung', 'Mei Ling'], familyNames: ['Chan', 'Wong', 'Leung', 'Cheung'] },
  { countryCode: 'US', province: 'California', city: 'Los Angeles', county: 'Los Angeles County', streets: ['1200 Wilshire Blvd', '455 S Grand Ave'], phone: '+1 213-555-0###', givenNames: [...WESTERN_GIVEN, 'Ava', 'Mason'], familyNames: ['Smith', 'Johnson', 'Garcia', 'Miller', 'Davis'] },
  { countryCode: 'US', province: 'New York', city: 'New York', county: 'New York County', streets: ['350 5th Ave', '200 Park Ave'], phone: '+1 212-555-0###', givenNames: WESTERN_GIVEN, familyNames: ['Brown', 'Wilson', 'Moore', 'Taylor'] },
  { countryCode: 'CA', province: 'Ontario', city: 'Toronto', county: 'Toronto', streets: ['100 King St W', '290 Bremner Blvd'], phone: '+1 416-555-0###', givenNames: WESTERN_GIVEN, familyNames: ['Tremblay', 'Roy', 'Campbell', 'MacDonald'] },
  { countryCode: 'MX', province: 'CDMX', city: 'Ciudad de México', county: 'Cuauhtémoc', streets: ['Av. Paseo de la Reforma 222', 'Calle Madero 17'], phone: '+52 55 #### ####', givenNames: ['José', 'María', 'Luis', 'Guadalupe', 'Carlos'], familyNames: ['Hernández', 'García', 'Martínez', 'López'] },
  { countryCode: 'GB', province: 'England', city: 'London', county: 'Greater London', streets: ['10 Bishopsgate', '221 Baker Street'], phone: '+44 7700 ######', givenNames: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry'], familyNames: ['Jones', 'Williams', 'Evans', 'Thomas'] },
  { countryCode: 'FR', province: 'Île-de-France', city: 'Paris', county: 'Paris', streets: ['12 Rue de Rivoli', '5 Avenue Montaigne'], phone: '+33 6 ## ## ## ##', givenNames: ['Camille', 'Louis', 'Léa', 'Hugo', 'Chloé'], familyNames: ['Martin', 'Bernard', 'Dubois', 'Lefèvre'] },
  { countryCode: 'DE', province: 'Hessen', city: 'Frankfurt am Main', county: 'Innenstadt', streets: ['Zeil 106', 'Kaiserstraße 29'], phone: '+49 151 ########', givenNames: ['Lukas', 'Hannah', 'Leon', 'Lena', 'Felix'], familyNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer'] },
  { countryCode: 'AT', province: 'Wien', city: 'Wien', county: 'Innere Stadt', streets: ['Kärntner Straße 12', 'Graben 21'], phone: '+43 664 #######', givenNames: ['Tobias', 'Anna', 'David', 'Laura'], familyNames: ['Gruber', 'Huber', 'Wagner', 'Pichler'] },
  { countryCode: 'CH', province: 'Zürich', city: 'Zürich', county: 'Kreis 1', streets: ['Bahnhofstrasse 45', 'Limmatquai 70'], phone: '+41 79 ### ## ##', givenNames: ['Noah', 'Mia', 'Luca', 'Elena'], familyNames: ['Meier', 'Keller', 'Weber', 'Brunner'] },
  { countryCode: 'SG', province: 'Singapore', city: 'Singapore', county: 'Downtown Core', streets: ['1 Raffles Place', '10 Bayfront Ave'], phone: '+65 9### ####', givenNames: ['Wei Ling', 'Jun Jie', 'Hui Min', 'Arjun'], familyNames: ['Tan', 'Lim', 'Ng', 'Nair'] },
  { countryCode: 'MY', province: 'Kuala Lumpur', city: 'Kuala Lumpur', county: 'Bukit Bintang', streets: ['168 Jalan Bukit Bintang', '1 Jalan Ampang'], phone: '+60 12-### ####', givenNames: ['Siti', 'Ahmad', 'Nurul', 'Hafiz'], familyNames: ['binti Abdullah', 'bin Ismail', 'binti Rahman'] },
  { countryCode: 'TH', province: 'Bangkok', city: 'Bangkok', county: 'Pathum Wan', streets: ['999 Rama I Rd', '494 Ploenchit Rd'], phone: '+66 8# ### ####', givenNames: ['Somchai', 'Nattaya', 'Kittisak', 'Ploy'], familyNames: ['Saetang', 'Wongsakul', 'Chaiyaporn'] },
  { countryCode: 'JP', province: '東京都', city: '港区', county: '芝浦', streets: ['1-12-15', '3-5-1'], phone: '+81 90-####-####', givenNames: ['翔太', '陽菜', '蓮', 'さくら'], familyNames: ['佐藤', '鈴木', '高橋', '田中'], familyFirst: true },
  { countryCode: 'KR', province: '서울특별시', city: '강남구', county: '역삼동', streets: ['테헤란로 150', '강남대로 382'], phone: '+82 10-####-####', givenNames: ['민준', '서연', '지훈', '하은'], familyNames: ['김', '이', '박', '최'], familyFirst: true },
  { countryCode: 'BR', province: 'São Paulo', city: 'São Paulo', county: 'Bela Vista', streets: ['Av. Paulista, 1578', 'Rua Augusta, 900'], phone: '+55 11 9####-####', givenNames: ['João', 'Ana', 'Pedro', 'Beatriz', 'Gabriel'], familyNames: ['Silva', 'Santos', 'Oliveira', 'Souza'] },
  { countryCode: 'AE', province: 'Dubai', city: 'Dubai', county: 'DIFC', streets: ['Gate Village 5', 'Sheikh Zayed Rd 1'], phone: '+971 50 ### ####', givenNames: ['Mohammed', 'Fatima', 'Omar', 'Aisha'], familyNames: ['Al Maktoum', 'Al Hashimi', 'Al Mansoori'] },
  { countryCode: 'SA', province: 'Riyadh', city: 'Riyadh', county: 'Al Olaya', streets: ['King Fahd Rd 7', 'Olaya St 12'], phone: '+966 5# ### ####', givenNames: ['Abdullah', 'Noura', 'Khalid', 'Sara'], familyNames: ['Al Saud', 'Al Qahtani', 'Al Harbi'] },
  { countryCode: 'ZA', province: 'Western Cape', city: 'Cape Town', county: 'City Bowl', streets: ['101 Adderley Street', '2 Long Street'], phone: '+27 82 ### ####', givenNames: ['Thabo', 'Lerato', 'Sipho', 'Naledi', 'Pieter'], familyNames: ['Nkosi', 'Dlamini', 'van der Merwe', 'Botha'] },
];

/** Fills each '#' of a phone shape with a digit from `digit()`. */
export function fillPhone(shape: string, digit: () => number): string {
  return shape.replace(/#/g, () => String(digit()));
}
