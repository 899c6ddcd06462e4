// The fixed content of "Fox Tales": its crew, asset names, status mix and comment texts. The seed
// draws from these with its seeded PRNG.
export const ASSET_TASK_TYPES = ['Concept', 'Modeling', 'Rigging'];
export const SHOT_TASK_TYPES = ['Layout', 'Animation', 'Compositing'];
// Only characters and props get rigged.
export const RIGGED_ASSET_TYPES = new Set(['Character', 'Prop']);
export const PROJECT_STATUS_NAMES = ['todo', 'ready', 'wip', 'wfa', 'retake', 'done'];

export const PEOPLE = [
  { first_name: 'Mina', last_name: 'Okafor', role: 'manager', departments: [] },
  { first_name: 'Theo', last_name: 'Lindqvist', role: 'supervisor', departments: ['Animation', 'Layout'] },
  { first_name: 'Sara', last_name: 'Benali', role: 'supervisor', departments: ['Modeling', 'Concept'] },
  { first_name: 'Jonas', last_name: 'Weber', role: 'user', departments: ['Concept'] },
  { first_name: 'Priya', last_name: 'Raman', role: 'user', departments: ['Modeling'] },
  { first_name: 'Lucas', last_name: 'Moreau', role: 'user', departments: ['Animation'] },
  { first_name: 'Aiko', last_name: 'Tanaka', role: 'user', departments: ['Layout'] },
  { first_name: 'Mateo', last_name: 'Garcia', role: 'user', departments: ['Animation'] },
  { first_name: 'Chloe', last_name: 'Dubois', role: 'user', departments: ['Animation'] },
  { first_name: 'Noah', last_name: 'Mensah', role: 'user', departments: ['Compositing'] },
];

export const ASSET_NAMES = {
  Character: [
    'Kit the Fox',
    'Mother Fox',
    'Old Badger',
    'Grey Heron',
    'Crow Twins',
    'Farmer Hale',
    'Hare',
    'Owl Sage',
    'Mole',
    'Wolf Pup',
  ],
  Prop: [
    'Lantern',
    'Berry Basket',
    'Acorn Cart',
    'Fishing Rod',
    'Treasure Map',
    'Kettle',
    'Scarf',
    'Bell',
    'Wooden Sled',
  ],
  Environment: ['Forest Den', 'River Bank', 'Old Mill', 'Meadow', 'Farmhouse', 'Hollow Oak', 'Frozen Lake'],
  FX: ['Rain', 'Fireflies', 'Chimney Smoke', 'Snowfall', 'River Splash', 'Falling Leaves'],
};
export const ASSET_TYPE_WEIGHTS = { Character: 3, Prop: 4, Environment: 2, FX: 1 };

// Mid-production: half the work not started yet. Every other status costs at
// least one comment request, which is what bounds the seed's duration.
export const STATUS_WEIGHTS = { todo: 50, ready: 4, wip: 16, wfa: 12, retake: 6, done: 12 };
export const COMMENT_TEXTS = {
  ready: ['Ready to start, references are in the shared folder.', 'Inputs approved, you can start.'],
  wip: [
    'Started blocking.',
    'First pass in progress.',
    'Working on it, should have something tomorrow.',
    'Picked this up.',
  ],
  wfa: [
    'Ready for review.',
    'New version up, please check.',
    'Addressed the notes, please review.',
    'v002 ready for approval.',
  ],
  retake: [
    'Timing feels rushed in the middle, please add a few frames.',
    'Silhouette reads poorly, push the pose.',
    'Colour is too saturated compared to the key.',
  ],
  done: ['Approved, nice work!', 'Looks great, approved.', 'Final. Thanks!'],
};
