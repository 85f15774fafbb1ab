// A closed @salesforce/gate for lightning-base-components (the package's own stub opens every gate).
export default { isOpen: (): boolean => false };
