export const LatestPage = () => <h1>Latest</h1>;
export const TrendingPage = () => <h1>Trending</h1>;
export const OpinionPage = () => <h1>Opinion</h1>;
export const DevShotsPage = () => <h1>DevShots</h1>;
export const SectorPage = () => <h1>Sector</h1>;
export const EditionPage = () => <h1>Edition</h1>;
