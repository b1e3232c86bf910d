/** Product vocabulary per JD_CATEGORIES entry: sub-categories, name parts and price ranges (fen). */
import { JD_CATEGORIES } from '../../protocol';
import type { SandboxCategory } from './types';

export interface ProductFamily {
  category: SandboxCategory;
  brands: readonly string[];
  items: readonly string[];
  variants: readonly string[];
  minFen: number;
  maxFen: number;
}

const cat = (
  key: keyof typeof JD_CATEGORIES,
  cid1Name: string,
  cid2: number,
  cid2Name: string,
  cid3: number,
  cid3Name: string,
): SandboxCategory => ({ key, cid1: JD_CATEGORIES[key], cid1Name, cid2, cid2Name, cid3, cid3Name });

export const PRODUCT_FAMILIES: readonly ProductFamily[] = [
  {
    category: cat('electronics', '手机通讯', 653, '手机', 655, '智能手机'),
    brands: ['Apple', 'Huawei', 'Xiaomi', 'OPPO', 'vivo'],
    items: ['Smartphone 5G', '手机 Pro', 'Phone Lite'],
    variants: ['128GB 黑色', '256GB 白色', '512GB 蓝色'],
    minFen: 99900,
    maxFen: 999900,
  },
  {
    category: cat('electronics', '电脑办公', 670, '电脑整机', 672, '笔记本'),
    brands: ['Lenovo', 'ThinkPad', 'Huawei MateBook', 'Dell'],
    items: ['轻薄笔记本 14英寸', 'Laptop 16"'],
    variants: ['i5 16GB 512GB', 'i7 32GB 1TB'],
    minFen: 399900,
    maxFen: 1299900,
  },
  {
    category: cat('electronics', '数码', 652, '影音娱乐', 828, '耳机'),
    brands: ['Sony', 'Bose', 'Edifier', 'Xiaomi'],
    items: ['降噪耳机', 'True Wireless Earbuds', '头戴式耳机'],
    variants: ['黑色', '白色', '银色'],
    minFen: 9900,
    maxFen: 299900,
  },
  {
    category: cat('home', '家居日用', 1621, '厨房用品', 1625, '锅具'),
    brands: ['苏泊尔', 'Midea', 'WMF', '九阳'],
    items: ['不粘炒锅', 'Rice Cooker 4L', '电热水壶'],
    variants: ['28cm', '32cm', '1.7L'],
    minFen: 4900,
    maxFen: 89900,
  },
  {
    category: cat('home', '家居日用', 1622, '家纺', 1631, '床品套件'),
    brands: ['罗莱', '富安娜', 'MUJI'],
    items: ['纯棉四件套', 'Duvet Cover Set'],
    variants: ['1.5m床', '1.8m床'],
    minFen: 19900,
    maxFen: 129900,
  },
  {
    category: cat('apparel', '服饰内衣', 1342, '男装', 1349, 'T恤'),
    brands: ['UNIQLO', '李宁', 'Nike', 'Adidas'],
    items: ['纯棉短袖T恤', 'Running Tee', '连帽卫衣'],
    variants: ['M 黑色', 'L 白色', 'XL 灰色'],
    minFen: 5900,
    maxFen: 59900,
  },
  {
    category: cat('apparel', '服饰内衣', 1343, '女装', 1354, '连衣裙'),
    brands: ['ONLY', 'Vero Moda', 'ZARA'],
    items: ['碎花连衣裙', 'Wrap Dress'],
    variants: ['S', 'M', 'L'],
    minFen: 15900,
    maxFen: 89900,
  },
  {
    category: cat('books', '图书', 3258, '小说', 3297, '中国当代小说'),
    brands: ['人民文学出版社', '译林出版社', 'Penguin'],
    items: ['三体 全集', '活着', 'The Three-Body Problem'],
    variants: ['平装', '精装', 'Paperback'],
    minFen: 2900,
    maxFen: 16800,
  },
  {
    category: cat('beauty', '美妆护肤', 1381, '面部护肤', 1391, '精华'),
    brands: ['Estée Lauder', 'SK-II', 'Lancôme', '珀莱雅'],
    items: ['修护精华液', 'Facial Treatment Essence', '面霜'],
    variants: ['30ml', '50ml', '75ml'],
    minFen: 19900,
    maxFen: 159900,
  },
  {
    category: cat('personalised', '定制商品', 9856, '刻字定制', 9858, '刻字礼品'),
    brands: ['京造定制', 'Zippo', 'Parker'],
    items: ['刻字钢笔', 'Engraved Lighter', '定制照片杯', 'Custom Name Necklace'],
    variants: ['刻字', '印照片', 'Engraved'],
    minFen: 6900,
    maxFen: 99900,
  },
  {
    category: cat('digital', '数字商品', 4939, '电子书与软件', 4941, '下载码'),
    brands: ['京东读书', 'Microsoft', 'Steam', 'Kaspersky'],
    items: ['电子书 VIP 年卡', 'Office 365 个人版 激活码', 'Game Gift Card', '杀毒软件 下载版'],
    variants: ['1年', '12个月', '200元面值'],
    minFen: 3000,
    maxFen: 49800,
  },
];

export const SHOP_NAMES: readonly string[] = [
  '京东自营旗舰店',
  'Apple产品京东自营旗舰店',
  '华为京东自营官方旗舰店',
  '小米京东自营旗舰店',
  '苏泊尔官方旗舰店',
  'UNIQLO官方旗舰店',
  '李宁官方旗舰店',
  '人民文学出版社旗舰店',
  'SK-II京东自营官方旗舰店',
  '京造定制工坊',
  '京东读书数字商城',
  'Sony官方旗舰店',
  'Midea美的官方旗舰店',
  'ZARA官方旗舰店',
  'Lenovo联想京东自营旗舰店',
  '九阳京东自营旗舰店',
  'Nike官方旗舰店',
  '罗莱家纺旗舰店',
  '珀莱雅官方旗舰店',
  'Steam数字礼品卡专营店',
];
